package io.taskconsole.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The banner under the toolbar: one line saying what happened and what to do, a "Details" link
 * that expands the technical part (never a dialog with a stack trace), actions, and a close button.
 */
public final class NoticeBar {

    private final Notices notices;
    private final VBox root = new VBox();
    private final Label message = new Label();
    private final HBox actions = new HBox(6);
    private final Hyperlink detailsLink = new Hyperlink("Details");
    private final TextArea details = new TextArea();

    public NoticeBar(Notices notices) {
        this.notices = notices;
        build();
        notices.currentProperty().addListener((o, a, notice) -> show(notice));
        show(notices.current());
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setId("notice-bar");
        root.getStyleClass().add("notice-bar");
        message.setId("notice-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        detailsLink.setId("notice-details");
        detailsLink.setOnAction(e -> {
            boolean show = !details.isVisible();
            details.setVisible(show);
            details.setManaged(show);
            detailsLink.setText(show ? "Hide details" : "Details");
        });
        Button close = new Button("×");
        close.setId("notice-close");
        close.getStyleClass().add(Styles.FLAT);
        LazyTooltip.set(close, "Dismiss (Esc)");
        close.setAccessibleText("Dismiss the message");
        close.setOnAction(e -> notices.dismiss());
        detailsLink.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        actions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        message.setPrefWidth(200);
        HBox line = new HBox(8, message, actions, detailsLink, close);
        line.setAlignment(Pos.CENTER_LEFT);
        details.setId("notice-details-text");
        details.setEditable(false);
        details.setPrefRowCount(8);
        details.getStyleClass().add("monospace");
        details.setVisible(false);
        details.setManaged(false);
        root.getChildren().addAll(line, details);
        root.setPadding(new Insets(6, 10, 6, 12));
        root.setSpacing(6);
    }

    private void show(Notice notice) {
        root.getStyleClass().removeAll("notice-info", "notice-success", "notice-warning", "notice-error");
        if (notice == null) {
            root.setVisible(false);
            root.setManaged(false);
            return;
        }
        root.getStyleClass().add("notice-" + notice.level().name().toLowerCase(java.util.Locale.ROOT));
        message.setText(notice.message());
        root.setAccessibleText(notice.message());
        actions.getChildren().clear();
        for (Notice.Action action : notice.actions()) {
            Button b = new Button(action.label());
            b.getStyleClass().add(Styles.SMALL);
            b.setOnAction(e -> action.run().run());
            actions.getChildren().add(b);
        }
        boolean hasDetails = !notice.details().isBlank();
        detailsLink.setVisible(hasDetails);
        detailsLink.setManaged(hasDetails);
        detailsLink.setText("Details");
        details.setText(notice.details());
        details.setVisible(false);
        details.setManaged(false);
        root.setVisible(true);
        root.setManaged(true);
    }
}
