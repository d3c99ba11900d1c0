package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void readsANamespacedObjectInANamedGroup() {
        ApiRequest request = ApiRequest.parse("GET", "/apis/batch/v1/namespaces/orchestrator/jobs/task-1-attempt-2");

        assertThat(request.verb()).isEqualTo("get");
        assertThat(request.apiGroup()).isEqualTo("batch");
        assertThat(request.resource()).isEqualTo("jobs");
        assertThat(request.namespace()).isEqualTo("orchestrator");
        assertThat(request.name()).isEqualTo("task-1-attempt-2");
        assertThat(request.subresource()).isNull();
    }

    @Test
    void tellsListWatchAndDeleteCollectionApart() {
        assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/ns/secrets?labelSelector=owner%3Dhelm").verb()).isEqualTo("list");
        assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/ns/pods?watch=true").verb()).isEqualTo("watch");
        assertThat(ApiRequest.parse("DELETE", "/api/v1/namespaces/ns/configmaps").verb()).isEqualTo("deletecollection");
        assertThat(ApiRequest.parse("PATCH", "/api/v1/namespaces/ns/configmaps/a").verb()).isEqualTo("patch");
        assertThat(ApiRequest.parse("PUT", "/apis/batch/v1/namespaces/ns/jobs/j/status").subresource()).isEqualTo("status");
        assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/ns/secrets?labelSelector=owner%3Dhelm").query())
                .containsEntry("labelSelector", "owner=helm");
    }

    @Test
    void aNamespaceIsItsOwnNamespace() {
        ApiRequest request = ApiRequest.parse("GET", "/api/v1/namespaces/orchestrator");

        assertThat(request.resource()).isEqualTo("namespaces");
        assertThat(request.name()).isEqualTo("orchestrator");
        assertThat(request.namespace()).isEqualTo("orchestrator");
        assertThat(ApiRequest.parse("POST", "/api/v1/namespaces").namespace()).isNull();
    }

    @Test
    void discoveryAndVersionAreNonResourceRequests() {
        assertThat(ApiRequest.parse("GET", "/version?timeout=32s").isResource()).isFalse();
        assertThat(ApiRequest.parse("GET", "/apis/batch/v1").isResource()).isFalse();
        assertThat(ApiRequest.parse("GET", "/openapi/v2").verb()).isEqualTo("get");
    }
}
