package io.taskconsole.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Applies Primer Light or Primer Dark to the whole application. {@link Theme#SYSTEM} starts light
 * and switches once the desktop answers (asked in the background so startup never waits for it).
 */
public final class ThemeController {

    private final BackgroundExecutor executor;
    private final OsThemeDetector detector;
    private final ObjectProperty<Theme> choice = new SimpleObjectProperty<>(this, "choice", Theme.SYSTEM);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Notices notices;
    /** The desktop's answer for an earlier choice must not override a later one. */
    private final LatestOnly asks = LatestOnly.parallel();
    /** The look set on the application, so an answer that changes nothing restyles nothing. */
    private Boolean applied;

    public ThemeController(BackgroundExecutor executor, OsThemeDetector detector, Notices notices) {
        this.executor = executor;
        this.notices = notices;
        this.detector = detector;
        choice.addListener((o, a, theme) -> resolve(theme));
    }

    public ObjectProperty<Theme> choiceProperty() {
        return choice;
    }

    /** Whether the dark look is showing; the preview follows it. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark;
    }

    public void start(Theme initial) {
        if (choice.get() == initial) {
            resolve(initial);
        } else {
            choice.set(initial);
        }
    }

    private void resolve(Theme theme) {
        asks.cancel();
        switch (theme) {
            case LIGHT -> apply(false);
            case DARK -> apply(true);
            case SYSTEM -> {
                apply(dark.get());
                executor.task(detector::prefersDark)
                        .latestIn(asks)
                        .onSuccess(answer -> apply(answer.orElse(false)))
                        .onFailure(e -> notices.log("Asking the desktop whether it uses a dark theme", e))
                        .start();
            }
            default -> throw new IllegalStateException("unknown theme " + theme);
        }
    }

    private void apply(boolean isDark) {
        if (applied != null && applied == isDark) {
            return;
        }
        applied = isDark;
        Application.setUserAgentStylesheet(isDark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(isDark);
    }
}
