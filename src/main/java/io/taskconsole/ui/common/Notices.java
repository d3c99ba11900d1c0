package io.taskconsole.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The banner's model: the notice currently shown. Errors are also written to the {@link AppLog}
 * so the details survive after the banner is dismissed.
 */
public final class Notices implements Consumer<Notice> {

    private final ObjectProperty<Notice> current = new SimpleObjectProperty<>(this, "current");
    private final AppLog log;

    public Notices(AppLog log) {
        this.log = log;
    }

    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current;
    }

    public Notice current() {
        return current.get();
    }

    @Override
    public void accept(Notice notice) {
        if (notice.level() == Notice.Level.ERROR || notice.level() == Notice.Level.WARNING) {
            log.write(notice.level().name(), notice.message(), notice.details());
        }
        current.set(notice);
    }

    /** Shows an error for a failed action; the handler for {@link BackgroundTask#onFailure}. */
    public Consumer<Throwable> failed(String doing) {
        return error -> accept(Notice.error(doing, error));
    }

    /**
     * Records a failure of background work the user did not ask for (a meter, a refresh) in the log
     * file without a banner: the next such run usually succeeds, and a banner would only distract.
     */
    public void log(String doing, Throwable error) {
        Notice notice = Notice.error(doing, error);
        log.write(Notice.Level.WARNING.name(), notice.message(), notice.details());
    }

    public void dismiss() {
        current.set(null);
    }
}
