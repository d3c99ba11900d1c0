package io.taskconsole.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
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
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.dialogs.NewTaskDialog")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.dialogs.ImportDialog")
                .should().dependOnClassesThat(oneOf("javafx.scene.control.Alert", "javafx.scene.control.Dialog",
                        "javafx.scene.control.TextInputDialog", "javafx.scene.control.ChoiceDialog",
                        "javafx.stage.FileChooser", "javafx.stage.DirectoryChooser"))
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.taskconsole.ui.dialogs")
                .should().dependOnClassesThat(oneOf("io.taskconsole.ui.dialogs.NewTaskDialog", "io.taskconsole.ui.dialogs.ImportDialog"))
                .check(classes);
    }

    /**
     * The console reads and writes files through the core (task folders, atomic writes); the only
     * files it handles itself are its settings (the window state is kept in them) and its log file.
     */
    @Test
    void noFileInputOrOutputInTheConsoleOutsideItsSettingsAndLog() {
        noClasses().that().resideInAPackage("io.taskconsole.ui..")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.common.AppSettings")
                .and().doNotHaveFullyQualifiedName("io.taskconsole.ui.common.AppLog")
                .should().dependOnClassesThat(oneOf("java.nio.file.Files", "java.io.FileInputStream",
                        "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter",
                        "java.io.RandomAccessFile", "java.nio.channels.FileChannel"))
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> oneOf(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("are one of " + String.join(", ", names), c -> set.contains(c.getName()));
    }
}
