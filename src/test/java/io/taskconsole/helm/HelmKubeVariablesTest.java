package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HELM_KUBE* variables that would point helm at another cluster or user are taken out of its environment. */
class HelmKubeVariablesTest {

    @Test
    void everyHelmKubeVariableIsClearedAndOnlyItsNameReported() {
        Map<String, String> env = new HashMap<>(Map.of(
                "HELM_KUBECONTEXT", "elsewhere", "HELM_KUBEAPISERVER", "https://other:6443",
                "HELM_KUBETOKEN", "t0ken", "HELM_KUBEASUSER", "admin", "HELM_KUBECAFILE", "/ca",
                "HELM_KUBEINSECURE_SKIP_TLS_VERIFY", "true", "Helm_KubeAsGroups", "system:masters",
                "HELM_CACHE_HOME", "/cache", "PATH", "/bin"));

        List<String> cleared = HelmRunner.clearTargetOverrides(env);

        assertThat(cleared).containsExactly("HELM_KUBEAPISERVER", "HELM_KUBEASUSER", "HELM_KUBECAFILE",
                "HELM_KUBECONTEXT", "HELM_KUBEINSECURE_SKIP_TLS_VERIFY", "HELM_KUBETOKEN", "Helm_KubeAsGroups");
        assertThat(env).containsOnlyKeys("HELM_CACHE_HOME", "PATH");
        assertThat(String.join(" ", cleared)).doesNotContain("t0ken", "elsewhere");
    }
}
