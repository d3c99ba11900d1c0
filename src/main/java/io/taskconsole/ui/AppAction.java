package io.taskconsole.ui;

import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCombination;

/**
 * One command of the main window, declared once in the {@link ActionTable}: its menu item, toolbar
 * button and line in the keyboard-shortcuts help are all made from this record.
 *
 * @param id          node id of its toolbar button and menu item (kebab-case)
 * @param label       the menu item's text; ends in "…" when the command asks something first
 * @param menu        the menu it is listed in
 * @param sectionStart whether a separator goes before it in its menu
 * @param shortcut    a {@link KeyCombination} string ("Shortcut+S"), or null for none
 * @param description what it does, for the toolbar tooltip and screen readers
 * @param disabled    when it cannot run (null: always available)
 * @param tool        where it appears on the toolbar
 * @param toolLabel   the toolbar button's text (null when it has no button)
 * @param handler     what it does
 */
public record AppAction(String id, String label, MenuGroup menu, boolean sectionStart, String shortcut,
                        String description, ObservableBooleanValue disabled, Tool tool, String toolLabel,
                        Runnable handler) {

    /** The menus, in menu-bar order. */
    public enum MenuGroup {
        FILE("_File"), TASK("_Task"), VIEW("_View"), HELP("_Help");

        private final String mnemonicText;

        MenuGroup(String mnemonicText) {
            this.mnemonicText = mnemonicText;
        }

        /** The menu's title with its mnemonic marker ("_File"). */
        public String mnemonicText() {
            return mnemonicText;
        }

        /** The menu's title as read ("File"). */
        public String title() {
            return mnemonicText.replace("_", "");
        }
    }

    /** Where on the toolbar its button goes, if it has one. */
    public enum Tool { NONE, LEFT, ACCENT, RIGHT }

    public AppAction {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
        Objects.requireNonNull(menu);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(tool);
    }

    /** A menu command with no toolbar button, always available. */
    public static AppAction of(String id, MenuGroup menu, String label, String shortcut, String description, Runnable handler) {
        return new AppAction(id, label, menu, false, shortcut, description, null, Tool.NONE, null, handler);
    }

    public AppAction disabledWhen(ObservableBooleanValue condition) {
        return new AppAction(id, label, menu, sectionStart, shortcut, description, condition, tool, toolLabel, handler);
    }

    public AppAction onToolbar(Tool where, String text) {
        return new AppAction(id, label, menu, sectionStart, shortcut, description, disabled, where, text, handler);
    }

    /** Puts a separator before it in its menu. */
    public AppAction newSection() {
        return new AppAction(id, label, menu, true, shortcut, description, disabled, tool, toolLabel, handler);
    }

    public KeyCombination keys() {
        return shortcut == null ? null : KeyCombination.keyCombination(shortcut);
    }

    /** The shortcut as this platform writes it ("Ctrl+S", "⌘S"); empty when it has none. */
    public String shortcutText() {
        return shortcut == null ? "" : keys().getDisplayText();
    }
}
