package io.taskconsole.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays free of JavaFX so the CLI never loads it; view models stay free of controls. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.taskconsole");

    @Test
    void coreNeverImportsJavaFx() {
        noClasses().that().resideInAnyPackage("io.taskconsole.task..", "io.taskconsole.markdown..",
                        "io.taskconsole.cluster..", "io.taskconsole.helm..", "io.taskconsole.submit..", "io.taskconsole.cli..",
                        "io.taskconsole.follow..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "io.taskconsole.ui..")
                .check(classes);
    }

    @Test
    void viewModelsUseBeansButNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .check(classes);
    }
}
