package io.taskconsole.ui.editor;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * Find and replace in the file being edited (Ctrl+F, Ctrl+H): match case, whole word, regex;
 * "n of m"; F3 and Shift+F3 step through the matches; Replace all is one edit, so one Undo puts
 * everything back.
 */
final class FindBar {

    private final Supplier<CodeArea> target;
    private final VBox root = new VBox(4);
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final ToggleButton matchCase = toggle("Aa", "find-match-case", "Match case");
    private final ToggleButton wholeWord = toggle("W", "find-whole-word", "Whole word");
    private final ToggleButton regex = toggle(".*", "find-regex", "Regular expression");
    private final Label count = new Label();
    private final HBox replaceRow;

    /** @param target the editor being searched (the selected file's), or null when none is open */
    FindBar(Supplier<CodeArea> target) {
        this.target = target;
        find.setId("find-field");
        find.setPromptText("Find (F3 next, Shift+F3 previous)");
        find.setAccessibleText("Find in the file");
        find.setPrefColumnCount(22);
        replace.setId("replace-field");
        replace.setPromptText("Replace with");
        replace.setAccessibleText("Replace with");
        replace.setPrefColumnCount(22);
        count.setId("find-count");
        count.setMinWidth(Label.USE_PREF_SIZE);
        Button previous = button("\u2191", "find-previous", "Previous match (Shift+F3)", () -> step(-1));
        Button next = button("\u2193", "find-next", "Next match (F3)", () -> step(1));
        Button close = button("\u2715", "find-close", "Close (Esc)", this::close);
        Button one = button("Replace", "replace-one", "Replace this match and find the next", this::replaceOne);
        Button all = button("Replace all", "replace-all", "Replace every match (one Undo puts them back)", this::replaceAll);
        HBox findRow = new HBox(4, find, matchCase, wholeWord, regex, previous, next, count, close);
        replaceRow = new HBox(4, replace, one, all);
        for (HBox row : List.of(findRow, replaceRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
        }
        root.getChildren().addAll(findRow, replaceRow);
        root.setPadding(new Insets(4, 8, 4, 8));
        root.getStyleClass().add("find-bar");
        root.setId("find-bar");
        show(false, false);

        find.textProperty().addListener((o, a, b) -> refresh(true));
        for (ToggleButton option : List.of(matchCase, wholeWord, regex)) {
            option.selectedProperty().addListener((o, a, b) -> refresh(true));
        }
        find.setOnAction(e -> step(1));
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            } else if (e.getCode() == KeyCode.F3) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    boolean isShowing() {
        return root.isVisible();
    }

    /** Opens the bar with the editor's selection (if on one line) as the query. */
    void open(boolean withReplace) {
        CodeArea area = target.get();
        if (area == null) {
            return;
        }
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            find.setText(selected);
        }
        show(true, withReplace || replaceRow.isVisible() && isShowing());
        find.requestFocus();
        find.selectAll();
        refresh(false);
    }

    /** F3 / Shift+F3 from the editor: the next or previous match of the last query. */
    void step(int direction) {
        CodeArea area = target.get();
        if (area == null || find.getText().isEmpty()) {
            if (area != null && !isShowing()) {
                open(false);
            }
            return;
        }
        List<TextSearch.Match> matches = matches(area, null);
        if (matches.isEmpty()) {
            refresh(false);
            return;
        }
        int caret = direction > 0 ? area.getSelection().getEnd() : area.getSelection().getStart();
        int index = direction > 0 ? 0 : matches.size() - 1;
        for (int i = 0; i < matches.size(); i++) {
            int at = direction > 0 ? i : matches.size() - 1 - i;
            TextSearch.Match match = matches.get(at);
            if (direction > 0 ? match.start() >= caret : match.end() <= caret) {
                index = at;
                break;
            }
        }
        select(area, matches.get(index));
        refresh(false);
    }

    private void replaceOne() {
        CodeArea area = target.get();
        if (area == null) {
            return;
        }
        List<TextSearch.Match> matches = matches(area, replace.getText());
        for (TextSearch.Match match : matches) {
            if (match.start() == area.getSelection().getStart() && match.end() == area.getSelection().getEnd()) {
                area.replaceText(match.start(), match.end(), match.replacement());
                area.moveTo(match.start() + match.replacement().length());
                break;
            }
        }
        step(1);
    }

    private void replaceAll() {
        CodeArea area = target.get();
        if (area == null) {
            return;
        }
        List<TextSearch.Match> matches = matches(area, replace.getText());
        if (matches.isEmpty()) {
            return;
        }
        // back to front, so each replacement leaves the offsets of the ones still to do as they were
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(matches.size());
        for (int i = matches.size() - 1; i >= 0; i--) {
            TextSearch.Match match = matches.get(i);
            change.replaceTextAbsolutely(match.start(), match.end(), match.replacement());
        }
        change.commit();
        count.setText(String.format(Locale.ROOT, "Replaced %d", matches.size()));
    }

    private List<TextSearch.Match> matches(CodeArea area, String replacement) {
        try {
            return search().matches(area.getText(), replacement);
        } catch (PatternSyntaxException e) {
            return List.of();
        }
    }

    private TextSearch search() {
        return new TextSearch(find.getText(), matchCase.isSelected(), wholeWord.isSelected(), regex.isSelected());
    }

    private static void select(CodeArea area, TextSearch.Match match) {
        area.selectRange(match.start(), match.end());
        area.requestFollowCaret();
    }

    /** Updates "n of m"; {@code jump} selects the first match at or after the caret (typing in the field). */
    private void refresh(boolean jump) {
        CodeArea area = target.get();
        find.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        if (area == null || find.getText().isEmpty()) {
            count.setText("");
            return;
        }
        List<TextSearch.Match> matches;
        try {
            matches = search().matches(area.getText(), null);
        } catch (PatternSyntaxException e) {
            count.setText("Not a valid regular expression: " + e.getDescription());
            find.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            return;
        }
        if (matches.isEmpty()) {
            count.setText("No matches");
            find.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            return;
        }
        if (jump) {
            int from = area.getSelection().getStart();
            select(area, matches.stream().filter(m -> m.start() >= from).findFirst().orElse(matches.get(0)));
        }
        int current = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).start() == area.getSelection().getStart() && matches.get(i).end() == area.getSelection().getEnd()) {
                current = i + 1;
            }
        }
        count.setText(current > 0
                ? String.format(Locale.ROOT, "%d of %d", current, matches.size())
                : String.format(Locale.ROOT, "%d matches", matches.size()));
    }

    private void close() {
        show(false, false);
        CodeArea area = target.get();
        if (area != null) {
            area.requestFocus();
        }
    }

    private void show(boolean bar, boolean withReplace) {
        root.setVisible(bar);
        root.setManaged(bar);
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
    }

    private static ToggleButton toggle(String text, String id, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.getStyleClass().add(Styles.SMALL);
        return button;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setOnAction(e -> action.run());
        return button;
    }
}
