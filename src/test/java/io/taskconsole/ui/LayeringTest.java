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
                        "io.taskconsole.cluster..", "io.taskconsole.helm..", "io.taskconsole.submit..", "io.taskconsole.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "io.taskconsole.ui..")
                .check(classes);
    }

    @Test
    void viewModelsUseBeansButNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .check(classes);
    }

    /** Every dialog goes through the Dialogs interface, so what asks is testable without a window. */
    @Test
    void dialogsAreBuiltOnlyByTheDialogService() {
        noClasses().that().resideInAPackage("io.taskconsole.ui..")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.dialogs.FxDialogs")
                // The two forms FxDialogs shows: they build their own Dialog, and only FxDialogs calls them.
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.tasks.NewTaskDialog")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.tasks.ImportDialog")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Dialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TextInputDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ChoiceDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.taskconsole.ui.dialogs")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.ui.tasks.NewTaskDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.taskconsole.ui.tasks.ImportDialog")
                .check(classes);
    }

    /**
     * The console reads and writes files through the core (task folders, atomic writes); the only
     * files it handles itself are its settings (with the window state in them) and its log file.
     */
    @Test
    void noFileInputOrOutputInTheConsoleOutsideItsSettingsAndLog() {
        noClasses().that().resideInAPackage("io.taskconsole.ui..")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.common.AppSettings")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.common.AppLog")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.WindowState")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
                .check(classes);
    }
}
