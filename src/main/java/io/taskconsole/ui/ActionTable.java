package io.taskconsole.ui;

import atlantafx.base.theme.Styles;
import io.taskconsole.ui.common.LazyTooltip;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's commands, each declared once as an {@link AppAction}; the menu bar, the
 * toolbar and the keyboard-shortcuts help are generated from it, so a shortcut, a label or an
 * enabled state cannot differ between them.
 */
public final class ActionTable {

    /** What the help shows for an action that has only its menu item. */
    public static final String NO_SHORTCUT = "—";

    private final Map<String, AppAction> actions = new LinkedHashMap<>();

    public ActionTable(List<AppAction> actions) {
        for (AppAction action : actions) {
            if (this.actions.put(action.id(), action) != null) {
                throw new IllegalArgumentException("Two actions have the id " + action.id());
            }
        }
    }

    public List<AppAction> actions() {
        return List.copyOf(actions.values());
    }

    public Optional<AppAction> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Runs the action {@code id} unless it is disabled now, as its menu item would. */
    public void run(String id) {
        AppAction action = actions.get(id);
        if (action == null) {
            throw new IllegalArgumentException("No action " + id);
        }
        if (action.disabled() == null || !action.disabled().get()) {
            action.handler().run();
        }
    }

    /**
     * The menu bar: one menu per {@link AppAction.MenuGroup}, items in table order, with their
     * shortcuts as accelerators and their disabled bindings; {@code extras} are appended to a menu
     * (the theme choice, which is a setting rather than a command).
     */
    public MenuBar menuBar(Map<AppAction.MenuGroup, List<MenuItem>> extras) {
        Map<AppAction.MenuGroup, Menu> menus = new EnumMap<>(AppAction.MenuGroup.class);
        for (AppAction.MenuGroup group : AppAction.MenuGroup.values()) {
            menus.put(group, new Menu(group.mnemonicText()));
        }
        for (AppAction action : actions.values()) {
            Menu menu = menus.get(action.menu());
            if (action.sectionStart() && !menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(action.label());
            item.setId("menu-" + action.id());
            if (action.shortcut() != null) {
                item.setAccelerator(action.keys());
            }
            if (action.disabled() != null) {
                item.disableProperty().bind(action.disabled());
            }
            item.setOnAction(e -> action.handler().run());
            menu.getItems().add(item);
        }
        extras.forEach((group, items) -> menus.get(group).getItems().addAll(items));
        MenuBar bar = new MenuBar(menus.values().toArray(Menu[]::new));
        bar.setId("menu-bar");
        return bar;
    }

    /** The toolbar: the actions that have a button, left ones first, the right ones after a spacer. */
    public ToolBar toolBar() {
        List<Node> left = new ArrayList<>();
        List<Node> right = new ArrayList<>();
        for (AppAction action : actions.values()) {
            if (action.tool() == AppAction.Tool.NONE) {
                continue;
            }
            Button button = new Button(action.toolLabel());
            button.setId(action.id());
            String tip = action.description() + (action.shortcut() == null ? "" : " (" + action.shortcutText() + ")");
            LazyTooltip.set(button, tip);
            button.setAccessibleText(tip);
            button.setOnAction(e -> action.handler().run());
            if (action.disabled() != null) {
                button.disableProperty().bind(action.disabled());
            }
            switch (action.tool()) {
                case ACCENT -> button.getStyleClass().addAll(Styles.ACCENT, action.id() + "-button");
                case RIGHT -> button.getStyleClass().add(Styles.FLAT);
                default -> { }
            }
            (action.tool() == AppAction.Tool.RIGHT ? right : left).add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar();
        bar.getItems().addAll(left);
        bar.getItems().add(spacer);
        bar.getItems().addAll(right);
        bar.setId("toolbar");
        return bar;
    }

    /**
     * The keyboard-shortcuts help: a two-column table (action, shortcut) of every action, under a
     * heading per menu in the menus' order, each action as its menu item reads; an action with no
     * shortcut says so, so the help is also the list of what the window can do.
     */
    public Node shortcutsTable() {
        GridPane grid = new GridPane();
        grid.setId("shortcuts-table");
        grid.setHgap(32);
        grid.setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(name, keys);
        Label actionHeader = new Label("Action");
        Label shortcutHeader = new Label("Shortcut");
        for (Label header : List.of(actionHeader, shortcutHeader)) {
            header.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "shortcuts-header");
        }
        grid.addRow(0, actionHeader, shortcutHeader);
        int row = 1;
        for (AppAction.MenuGroup group : AppAction.MenuGroup.values()) {
            List<AppAction> listed = actions.values().stream().filter(a -> a.menu() == group).toList();
            if (listed.isEmpty()) {
                continue;
            }
            Label heading = new Label(group.title());
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcuts-group");
            heading.setStyle("-fx-padding: 8 0 0 0;");
            grid.add(heading, 0, row++, 2, 1);
            for (AppAction action : listed) {
                Label what = new Label(action.label().replace("…", ""));
                what.getStyleClass().add("shortcut-action");
                Label keysLabel = new Label(action.shortcut() == null ? NO_SHORTCUT : action.shortcutText());
                keysLabel.getStyleClass().addAll("shortcut-keys", action.shortcut() == null ? Styles.TEXT_MUTED : "monospace");
                keysLabel.setAccessibleText(action.shortcut() == null ? "no shortcut" : action.shortcutText());
                grid.addRow(row++, what, keysLabel);
            }
        }
        return grid;
    }
}
