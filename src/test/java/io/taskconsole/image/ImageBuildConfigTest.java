package io.taskconsole.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The orchestrator's image configuration (the pom's {@code image} profile), checked where no
 * registry can be reached to build it: Jib on a JRE base, the shaded jar as entrypoint, a non-root
 * user, and helm fetched by its pinned version and SHA-256 (the build fails on another checksum);
 * and a workflow that builds and pushes it on tags without putting a credential on a command line.
 */
class ImageBuildConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    void theImageRunsTheShadedJarAsANonRootUserWithAPinnedHelm() throws Exception {
        Element profile = profile(ROOT.resolve("pom.xml"), "image");
        Element jib = plugin(profile, "jib-maven-plugin");
        assertThat(text(jib, "version")).isEqualTo("3.5.2");
        assertThat(text(jib, "configuration/from/image")).contains("jre");

        String user = property(profile, text(jib, "configuration/container/user"));
        assertThat(user).as("the image's user").matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(texts(jib, "configuration/container/entrypoint/arg")).containsExactly("java", "-jar", "/app/task-console.jar");
        assertThat(texts(jib, "configuration/extraDirectories/permissions/permission/file")).contains("/usr/local/bin/helm");

        Properties pins = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(".ci/test-tools.properties"))) {
            pins.load(in);
        }
        assertThat(pins.getProperty("helm.version")).matches("v3\\.[0-9]+\\.[0-9]+");
        assertThat(pins.getProperty("helm.sha256")).matches("[0-9a-f]{64}");
        Element antrun = plugin(profile, "maven-antrun-plugin");
        Element checksum = elements(antrun, "executions/execution/configuration/target/checksum").stream()
                .filter(c -> c.getAttribute("file").endsWith("/helm/helm")).findFirst().orElseThrow();
        assertThat(checksum.getAttribute("algorithm")).isEqualTo("SHA-256");
        assertThat(checksum.getAttribute("property")).isEqualTo("${pin.helm.sha256}");
        Element fail = elements(antrun, "executions/execution/configuration/target/fail").stream()
                .filter(f -> f.getAttribute("message").contains("helm")).findFirst().orElseThrow();
        assertThat(((Element) fail.getElementsByTagName("istrue").item(0)).getAttribute("value"))
                .as("the build fails unless helm has the pinned checksum")
                .isEqualTo("${" + checksum.getAttribute("verifyproperty") + "}");
        assertThat(elements(antrun, "executions/execution/configuration/target/copy"))
                .anySatisfy(c -> assertThat(c.getAttribute("todir")).endsWith("/usr/local/bin"))
                .anySatisfy(c -> assertThat(c.getAttribute("file")).endsWith("/task-console.jar"));
        assertThat(texts(profile, "build/plugins/plugin/executions/execution/phase")).containsOnly("package");
    }

    @Test
    void theWorkflowPublishesOnTagsWithoutACredentialOnACommandLine() throws Exception {
        String workflow = Files.readString(ROOT.resolve(".github/workflows/image.yml"));
        assertThat(workflow).contains("tags:").contains("-Pimage").contains("jib:build")
                .contains("docker/login-action").contains("packages: write");
        assertThat(workflow.lines().filter(l -> l.contains("mvn")))
                .as("mvn lines name no secret").noneMatch(l -> l.contains("secrets.") || l.contains("auth.password"));
    }

    private static Element profile(Path pom, String id) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        for (Element profile : elements(doc.getDocumentElement(), "profiles/profile")) {
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + id + " in " + pom);
    }

    private static Element plugin(Element profile, String artifactId) {
        return elements(profile, "build/plugins/plugin").stream().filter(p -> artifactId.equals(text(p, "artifactId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + artifactId + " in the profile"));
    }

    private static String property(Element profile, String value) {
        if (value.startsWith("${") && value.endsWith("}")) {
            return text(profile, "properties/" + value.substring(2, value.length() - 1));
        }
        return value;
    }

    private static String text(Element from, String path) {
        List<Element> found = elements(from, path);
        assertThat(found).as(path).isNotEmpty();
        return found.get(0).getTextContent().strip();
    }

    private static List<String> texts(Element from, String path) {
        return elements(from, path).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static List<Element> elements(Element from, String path) {
        List<Element> current = List.of(from);
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                NodeList children = e.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    Node child = children.item(i);
                    if (child instanceof Element el && el.getTagName().equals(name)) {
                        next.add(el);
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
