package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The server's answers at the HTTP level, as client-go reads them; these hold even on a machine
 * without helm or kubectl. The client trusts only the CA and sends only the token from the
 * written kubeconfig.
 */
class KubeApiHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NS = "testkube-http";

    private static HttpClient http;
    private static String url;
    private static String token;

    @BeforeAll
    static void connect(@TempDir Path dir) throws Exception {
        TestKubeApiServer server = TestKubeApiServer.shared();
        server.createNamespace(NS);
        JsonNode kubeconfig = YAMLMapper.builder().build().readTree(server.writeKubeconfig(dir, "http", NS).toFile());
        url = kubeconfig.path("clusters").get(0).path("cluster").path("server").asString();
        token = kubeconfig.path("users").get(0).path("user").path("token").asString();
        byte[] ca = Base64.getDecoder().decode(kubeconfig.path("clusters").get(0).path("cluster").path("certificate-authority-data").asString());
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("testkube", CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ca)));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void discoveryAnnouncesTheKindsHelmAndKubectlMap() throws Exception {
        HttpResponse<String> core = get("/api/v1", null);
        HttpResponse<String> batch = get("/apis/batch/v1", null);

        assertThat(core.statusCode()).isEqualTo(200);
        assertThat(core.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(core.body()).path("resources").findValuesAsString("kind")).contains("ConfigMap", "Secret", "ServiceAccount", "Namespace");
        assertThat(JSON.readTree(batch.body()).path("groupVersion").asString()).isEqualTo("batch/v1");
        assertThat(JSON.readTree(get("/apis", null).body()).path("groups").findValuesAsString("name"))
                .contains("batch", "apps", "rbac.authorization.k8s.io");
        assertThat(JSON.readTree(get("/version", null).body()).path("gitVersion").asString()).startsWith("v1.");
    }

    @Test
    void aggregatedDiscoveryRequestsGetLegacyJson() throws Exception {
        HttpResponse<String> apis = get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");

        assertThat(apis.statusCode()).isEqualTo(200);
        assertThat(apis.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(apis.body()).path("kind").asString()).isEqualTo("APIGroupList");
    }

    @Test
    void openApiV2IsAnEmptyProtobufDocumentAndV3IsAbsent() throws Exception {
        HttpResponse<String> v2 = get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");

        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v2.body()).isEmpty();
        assertThat(v2.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("protobuf"));
        assertThat(get("/openapi/v3", null).statusCode()).isEqualTo(404);
    }

    @Test
    void collectionsAnswerTheirListKind() throws Exception {
        HttpResponse<String> secrets = get("/api/v1/namespaces/" + NS + "/secrets", "application/vnd.kubernetes.protobuf,application/json");
        HttpResponse<String> jobs = get("/apis/batch/v1/namespaces/" + NS + "/jobs", null);

        assertThat(secrets.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(secrets.body()).path("kind").asString()).isEqualTo("SecretList");
        assertThat(JSON.readTree(jobs.body()).path("kind").asString()).isEqualTo("JobList");
        assertThat(JSON.readTree(jobs.body()).path("apiVersion").asString()).isEqualTo("batch/v1");
    }

    @Test
    void errorsCarryAStatusBody() throws Exception {
        HttpResponse<String> missing = get("/api/v1/namespaces/" + NS + "/configmaps/absent", null);
        HttpResponse<String> unknownKind = get("/apis/example.com/v1/namespaces/" + NS + "/widgets", null);

        JsonNode status = JSON.readTree(missing.body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("reason").asString()).isEqualTo("NotFound");
        assertThat(status.path("message").asString()).isEqualTo("configmaps \"absent\" not found");
        assertThat(unknownKind.statusCode()).isEqualTo(404);
    }

    @Test
    void requestsWithoutTheTokenAreUnauthorized() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("reason").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void aProtobufBodyOfAnUnknownKindIsRefusedWith415() throws Exception {
        byte[] job = {'k', '8', 's', 0, 0x0a, 0x0f, 0x0a, 0x08, 'b', 'a', 't', 'c', 'h', '/', 'v', '1', 0x12, 0x03, 'J', 'o', 'b'};
        HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/apis/batch/v1/namespaces/" + NS + "/jobs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.kubernetes.protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(job)).build();

        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains("batch/v1/Job").contains("v1/ConfigMap");
    }
}
