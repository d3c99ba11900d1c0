package io.taskconsole.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The faces (the CLI, the desktop app, and later the orchestrator service) reach the cluster and
 * helm only through the application layer, and never run a use case's steps themselves. What they
 * may name of {@code cluster} and {@code helm} are values that cross the layer: a target, what a
 * kubeconfig offers, a connection check's answer, an attempt's resource names, a helm binary, and
 * the listener helm's output streams through.
 */
class ApplicationLayerTest {

    private static final Set<String> VALUES_THAT_CROSS = Set.of(
            "io.taskconsole.cluster.KubeTarget",
            "io.taskconsole.cluster.KubeconfigInfo",
            "io.taskconsole.cluster.ConnectionCheck$Result",
            "io.taskconsole.cluster.ResourceNames",
            "io.taskconsole.cluster.AccessReviews$Caller",
            "io.taskconsole.cluster.AccessReviews$Decision",
            "io.taskconsole.helm.HelmBinary",
            "io.taskconsole.helm.OutputListener",
            "io.taskconsole.helm.OutputListener$Stream");

    private static final String[] FACES = {"io.taskconsole.cli..", "io.taskconsole.ui..", "io.taskconsole.server.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.taskconsole");

    @Test
    void facesReachTheClusterAndHelmOnlyThroughTheApplicationLayer() {
        noClasses().that().resideInAnyPackage(FACES)
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are in cluster or helm, other than "
                        + "the values that cross the application layer") {
                    @Override
                    public boolean test(JavaClass c) {
                        return (c.getPackageName().startsWith("io.taskconsole.cluster")
                                || c.getPackageName().startsWith("io.taskconsole.helm"))
                                && !VALUES_THAT_CROSS.contains(c.getName());
                    }
                })
                .check(classes);
    }

    @Test
    void facesDoNotRunTheUseCasesStepsThemselves() {
        noClasses().that().resideInAnyPackage(FACES)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.submit.Submitter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.submit.AttemptLister")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.submit.AttemptHistory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.task.TaskMasterImport")
                .check(classes);
    }

    @Test
    void theApplicationLayerKnowsNoFace() {
        noClasses().that().resideInAnyPackage("io.taskconsole.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "picocli..",
                        "io.taskconsole.ui..", "io.taskconsole.cli..")
                .check(classes);
    }

    @Test
    void theServiceAndTheCliNeverLoadJavaFx() {
        noClasses().that().resideInAnyPackage("io.taskconsole.server..", "io.taskconsole.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "io.taskconsole.ui..")
                .check(classes);
    }
}
