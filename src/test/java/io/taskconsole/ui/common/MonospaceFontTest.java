package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.DesktopSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MonospaceFontTest {

    private CodeArea editor;
    private Label code;

    @Start
    void start(Stage stage) {
        editor = new CodeArea("# Task\n");
        code = new Label("x");
        editor.getStyleClass().add("markdown-editor");
        code.getStyleClass().add("monospace");
        Scene scene = new Scene(new VBox(editor, code), 400, 300);
        scene.getStylesheets().add(Objects.requireNonNull(DesktopSession.class.getResource("console.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** console.css alone: the editor's characters all have one width (a family list would fall back to a proportional font). */
    @Test
    void theEditorsTextIsMonospaced(FxRobot robot) {
        robot.interact(() -> { });
        Font font = ((Text) editor.lookup(".text")).getFont();

        assertThat(width("iiiiiiii", font)).isEqualTo(width("MMMMMMMM", font));
    }

    @Test
    void windowsAndMacGetTheMonospaceFontEveryInstallationHas() {
        assertThat(MonospaceFont.familyFor("Windows 11")).contains("Consolas");
        assertThat(MonospaceFont.familyFor("Mac OS X")).contains("Menlo");
        assertThat(MonospaceFont.familyFor("Linux")).as("fontconfig's choice, through Monospaced").isEmpty();
        assertThat(MonospaceFont.stylesheetFor("Linux")).isEmpty();
    }

    /** Every rule of console.css that sets the monospace family is also overridden on Windows and macOS. */
    @Test
    void theOverrideCoversEveryMonospacedRuleOfConsoleCss() throws Exception {
        String css;
        try (var in = Objects.requireNonNull(DesktopSession.class.getResourceAsStream("console.css"))) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> monospaced = new TreeSet<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            if (rule.group(2).contains("\"Monospaced\"")) {
                Arrays.stream(rule.group(1).split(",")).map(String::strip).forEach(monospaced::add);
            }
        }
        Set<String> overridden = new TreeSet<>(Arrays.stream(MonospaceFont.SELECTORS.split(",")).map(String::strip).toList());

        assertThat(monospaced).isNotEmpty().isEqualTo(overridden);
    }

    /** The stylesheet that names the OS's family is applied (shown with a family this machine has). */
    @Test
    void theFamilysStylesheetReachesTheNodes(FxRobot robot) {
        String installed = Font.getFamilies().stream().filter(f -> !f.equals(code.getFont().getFamily()))
                .findFirst().orElseThrow();
        robot.interact(() -> code.getScene().getStylesheets().add(MonospaceFont.stylesheet(installed)));

        assertThat(code.getFont().getFamily()).isEqualTo(installed);
    }

    private static double width(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }
}
