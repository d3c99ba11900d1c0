package io.taskconsole.cli;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.TaskService;
import io.taskconsole.follow.AttemptState;
import io.taskconsole.follow.AttemptWatch;
import io.taskconsole.follow.ContainerState;
import io.taskconsole.follow.Reasons;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.TaskDraft;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code attempts --watch}: the table kept on screen and changed as the watches report, until every
 * attempt is over. On a terminal the table is redrawn in place; into a pipe or a file each changed row
 * is printed again, so a log of the run reads top to bottom.
 */
final class AttemptsWatch {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-2s%-8s %-20s %-20s %-9s %-10s %s%n";

    /** One row: the attempt as listed, and as its watch last reported it. */
    private record Row(AttemptSummary summary, AttemptState state) {

        JobPhase phase() {
            return state == null ? summary.job() : state.phase();
        }

        boolean running() {
            return phase() == JobPhase.PENDING || phase() == JobPhase.RUNNING;
        }
    }

    private final PrintWriter out;
    private final boolean inPlace;
    private final Map<Integer, Row> rows = new LinkedHashMap<>();
    private int drawnLines;

    AttemptsWatch(PrintWriter out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    int run(TaskService service, TaskDraft draft, AttemptsOverview overview) throws InterruptedException {
        overview.attempts().forEach(a -> rows.put(a.number(), new Row(a, null)));
        LinkedBlockingQueue<AttemptState> changes = new LinkedBlockingQueue<>();
        List<AttemptWatch> watches = new ArrayList<>();
        try {
            for (AttemptSummary a : overview.attempts()) {
                if (a.job() == JobPhase.PENDING || a.job() == JobPhase.RUNNING) {
                    watches.add(service.watchAttempt(draft, a, changes::add));
                }
            }
            drawAll();
            while (rows.values().stream().anyMatch(Row::running) && !watches.stream().allMatch(AttemptWatch::closed)) {
                AttemptState state = changes.take();
                Row before = rows.get(state.attempt());
                Row after = new Row(before.summary(), state);
                rows.put(state.attempt(), after);
                if (inPlace) {
                    drawAll();
                } else if (!cells(before).equals(cells(after))) {
                    print(after);
                }
            }
            return TaskConsoleCli.OK;
        } finally {
            watches.forEach(AttemptWatch::close);
        }
    }

    private void drawAll() {
        if (inPlace && drawnLines > 0) {
            // Up to the table's first line and clear to the end of the screen: the table is drawn again there.
            out.print("\u001b[" + drawnLines + "F\u001b[J");
        }
        int lines = 1;
        out.printf(FORMAT, "", "ATTEMPT", "SUBMITTED", "STARTED", "DURATION", "JOB", "REASON");
        for (Row row : rows.values()) {
            lines += print(row);
        }
        drawnLines = lines;
        out.flush();
    }

    private int print(Row row) {
        List<String> c = cells(row);
        out.printf(FORMAT, c.toArray());
        int lines = 1;
        if (row.state() != null) {
            for (String problem : row.state().problems()) {
                out.println("    " + problem);
                lines++;
            }
        }
        out.flush();
        return lines;
    }

    private static List<String> cells(Row row) {
        AttemptSummary a = row.summary();
        AttemptState s = row.state();
        Instant started = s == null ? null : s.started();
        Duration duration = s == null ? a.duration() : s.duration(Instant.now());
        return List.of(row.running() ? "*" : "", String.valueOf(a.number()),
                a.submittedAt() == null ? "-" : TIME.format(a.submittedAt()),
                started == null ? "-" : TIME.format(started),
                duration == null || s != null && !s.over() ? "-" : format(duration),
                row.phase().label(), s == null ? "" : reason(s));
    }

    /** The reason most worth a glance: a stuck or failed container's, else the Job's. */
    private static String reason(AttemptState s) {
        return s.currentPod().flatMap(p -> p.containers().stream()
                        .filter(c -> c.failed() || c.state() == ContainerState.State.WAITING && !Reasons.routine(c.reason()))
                        .map(c -> c.name() + ": " + (c.reason() == null ? "exit " + c.exitCode() : c.reason()))
                        .findFirst())
                .orElse(s.jobReason() == null ? "" : s.jobReason());
    }

    private static String format(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 3600 ? "%dh%02dm".formatted(seconds / 3600, seconds / 60 % 60)
                : "%dm%02ds".formatted(seconds / 60, seconds % 60);
    }
}
