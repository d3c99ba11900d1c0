package io.taskconsole.ui.log;

import io.taskconsole.helm.OutputListener;
import io.taskconsole.ui.common.BackgroundExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * helm's output as the log panel shows it. Lines arrive on helm's reader threads through
 * {@link #listener()}, are parsed for colours there (never on the FX thread), wait in a queue, and
 * reach the list in batches: at most one pending delivery to the UI thread every {@link #BATCH} so a
 * flood of output never floods the FX event queue, and at most {@link #MAX_PER_DELIVERY} lines per
 * delivery so one delivery never holds the FX thread long; the rest follow in the next one. The list
 * keeps the newest {@link #capacity} lines.
 */
public final class LogViewModel {

    public static final int DEFAULT_CAPACITY = 100_000;
    public static final Duration BATCH = Duration.ofMillis(50);
    /**
     * 100,000 lines a second: more than helm or an agent writes, few enough that one delivery and
     * the list's relayout fit in a frame.
     */
    static final int MAX_PER_DELIVERY = 2_000;
    /** Between two deliveries of a backlog: one frame, so the window repaints in between. */
    private static final Duration BACKLOG_GAP = Duration.ofMillis(16);

    private final BackgroundExecutor executor;
    private final int capacity;
    private final ConcurrentLinkedQueue<LogLine> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean deliveryPending = new AtomicBoolean();
    private long nextNumber = 1;

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty followTail = new SimpleBooleanProperty(this, "followTail", true);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final List<Integer> matches = new ArrayList<>();
    private final IntegerProperty matchCount = new SimpleIntegerProperty(this, "matchCount");
    private final IntegerProperty currentMatch = new SimpleIntegerProperty(this, "currentMatch", -1);
    private final LongProperty dropped = new SimpleLongProperty(this, "dropped");
    private final LongProperty batches = new SimpleLongProperty(this, "batches");

    private final OutputListener listener = this::offer;

    public LogViewModel(BackgroundExecutor executor) {
        this(executor, DEFAULT_CAPACITY);
    }

    public LogViewModel(BackgroundExecutor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
        query.addListener((obs, old, now) -> recomputeMatches());
    }

    /** Hand this to helm: safe to call from any thread. */
    public OutputListener listener() {
        return listener;
    }

    public ObservableList<LogLine> lines() {
        return lines;
    }

    public BooleanProperty followTailProperty() {
        return followTail;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount;
    }

    /** Index in {@link #lines()} of the match the user is on, or -1. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch;
    }

    /** Lines dropped from the top because the buffer was full. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }

    /** Counts deliveries to the list; the view scrolls to the end after each while following. */
    public ReadOnlyLongProperty batchesProperty() {
        return batches;
    }

    public void info(String text) {
        offer(OutputListener.Stream.INFO, text);
    }

    private void offer(OutputListener.Stream stream, String text) {
        queue.add(LogLine.of(0, stream, text == null ? "" : text));
        queued.incrementAndGet();
        scheduleDelivery(BATCH);
    }

    private void scheduleDelivery(Duration delay) {
        if (deliveryPending.compareAndSet(false, true)) {
            executor.schedule(() -> executor.ui().execute(this::deliver), delay);
        }
    }

    /** Moves what is queued into the list, at most {@link #MAX_PER_DELIVERY} lines; runs on the UI thread. */
    void deliver() {
        deliveryPending.set(false);
        int waiting = queued.get();
        if (waiting == 0) {
            return;
        }
        int skip = Math.max(0, waiting - capacity);
        int skipped = 0;
        while (skipped < skip && queue.poll() != null) {
            queued.decrementAndGet();
            skipped++;
        }
        nextNumber += skipped;
        dropped.set(dropped.get() + skipped);
        int take = Math.min(waiting - skip, MAX_PER_DELIVERY);
        List<LogLine> batch = new ArrayList<>(take);
        for (int i = 0; i < take; i++) {
            LogLine line = queue.poll();
            if (line == null) {
                break;
            }
            queued.decrementAndGet();
            batch.add(line.numbered(nextNumber++));
        }
        int overflow = lines.size() + batch.size() - capacity;
        if (overflow > 0) {
            lines.remove(0, overflow);
            dropped.set(dropped.get() + overflow);
            shiftMatches(overflow);
        }
        int firstNew = lines.size();
        lines.addAll(batch);
        String q = query.get();
        if (!q.isEmpty()) {
            for (int i = firstNew; i < lines.size(); i++) {
                if (lines.get(i).contains(q)) {
                    matches.add(i);
                }
            }
            matchCount.set(matches.size());
        }
        batches.set(batches.get() + 1);
        if (queued.get() > 0) {
            scheduleDelivery(BACKLOG_GAP);
        }
    }

    public void clear() {
        queue.clear();
        queued.set(0);
        lines.clear();
        dropped.set(0);
        recomputeMatches();
    }

    /** Moves to the next match after the current one, wrapping; returns its line index or -1. */
    public int nextMatch() {
        return step(1);
    }

    public int previousMatch() {
        return step(-1);
    }

    private int step(int direction) {
        if (matches.isEmpty()) {
            currentMatch.set(-1);
            return -1;
        }
        int current = currentMatch.get();
        int at = matches.indexOf(current);
        int next;
        if (at < 0) {
            next = direction > 0 ? 0 : matches.size() - 1;
        } else {
            next = Math.floorMod(at + direction, matches.size());
        }
        currentMatch.set(matches.get(next));
        followTail.set(false);
        return currentMatch.get();
    }

    /** Which match (1-based) the user is on, or 0. */
    public int currentMatchOrdinal() {
        return matches.indexOf(currentMatch.get()) + 1;
    }

    /** The log as text, one line each, stderr marked: for Save and Copy all. */
    public String text() {
        return lines.stream().map(LogLine::exported).collect(Collectors.joining("\n", "", lines.isEmpty() ? "" : "\n"));
    }

    public String text(List<LogLine> selection) {
        return selection.stream().map(LogLine::exported).collect(Collectors.joining("\n"));
    }

    private void recomputeMatches() {
        matches.clear();
        String q = query.get() == null ? "" : query.get();
        if (!q.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(q)) {
                    matches.add(i);
                }
            }
        }
        matchCount.set(matches.size());
        currentMatch.set(-1);
    }

    private void shiftMatches(int removed) {
        matches.replaceAll(i -> i - removed);
        matches.removeIf(i -> i < 0);
        matchCount.set(matches.size());
        if (currentMatch.get() >= 0) {
            currentMatch.set(currentMatch.get() - removed < 0 ? -1 : currentMatch.get() - removed);
        }
    }
}
