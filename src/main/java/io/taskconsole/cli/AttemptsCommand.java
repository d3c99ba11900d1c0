package io.taskconsole.cli;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.TaskService;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.transcript.AcceptanceReport;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(name = "attempts", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = "List a task's attempts: the cluster's, with their release and Job status, joined with"
        + " what this machine's history recorded (attempts sent elsewhere are listed too).")
final class AttemptsCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Mixin
    TargetOptions cluster;

    @Mixin
    ServerOptions team;

    /** How the list is printed; json and yaml are stable for scripts (see README). */
    enum Output { table, json, yaml }

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or yaml (default: ${DEFAULT-VALUE}); json and yaml keep their field names across versions.")
    Output output;

    @Option(names = {"-w", "--watch"},
            description = "Keep the table on screen, updated as the Jobs change, until every attempt is finished (or Ctrl-C).")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        if (watch && output != Output.table) {
            throw io.taskconsole.TaskConsoleException.badInput("--watch draws a table; it cannot be combined with -o "
                    + output, "Leave out -o, or --watch.");
        }
        team.checkNotHalfGiven();
        if (watch && team.given()) {
            throw io.taskconsole.TaskConsoleException.badInput("--watch follows the cluster itself; it cannot be combined with --server",
                    "Leave out --watch, or list the attempts with the cluster options instead of --server.");
        }
        TaskDraft draft = TaskFolder.load(taskDir);
        TaskService service = TaskService.forSystem();
        AttemptsOverview overview = team.given()
                ? team.client(cluster, false).attempts(draft.info().service(), draft.info().id())
                : service.attempts(draft, cluster.target(), true);
        overview.settled().forEach(sentence -> terminal.err().println("task-console: " + sentence));
        terminal.err().flush();
        if (watch && overview.clusterProblem() == null && !overview.attempts().isEmpty()) {
            try {
                return new AttemptsWatch(terminal.out(), System.console() != null).run(service, draft, overview);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TaskConsoleCli.FAILED;
            }
        }
        if (output != Output.table) {
            Map<String, Object> doc = document(draft, overview, service);
            terminal.out().print(output == Output.json ? JSON.writeValueAsString(doc) + "\n" : YAML.writeValueAsString(doc));
            terminal.out().flush();
            return overview.clusterProblem() == null ? TaskConsoleCli.OK : TaskConsoleCli.FAILED;
        }
        if (overview.attempts().isEmpty() && overview.clusterProblem() == null) {
            terminal.err().println("task-console: task " + draft.info().id() + " has no attempts "
                    + (team.given() ? "at " + team.server : "in namespace " + cluster.target().namespace()));
            return TaskConsoleCli.OK;
        }
        String format = "%-8s %-20s %-28s %-40s %-10s %-12s %s%n";
        if (!overview.attempts().isEmpty()) {
            terminal.out().printf(format, "ATTEMPT", "SUBMITTED", "WHERE", "RELEASE", "HELM", "JOB", "REPORT");
        }
        for (AttemptSummary a : overview.attempts()) {
            terminal.out().printf(format, a.number(), a.submittedAt() == null ? "-" : TIME.format(a.submittedAt()),
                    (a.context() == null ? "(current)" : a.context()) + "/" + a.namespace(), a.release(),
                    a.helmStatus() != null ? a.helmStatus() : a.result() == null ? "-" : a.result().label(),
                    a.job().label(), service.acceptanceReport(draft, a.number()).map(AcceptanceReport::count).orElse("-"));
        }
        terminal.out().flush();
        if (overview.clusterProblem() != null) {
            terminal.err().println("task-console: " + overview.clusterProblem());
            if (!overview.attempts().isEmpty()) {
                terminal.err().println("task-console: the list above is this machine's history only; its Job status is unknown");
            }
            terminal.err().flush();
            return TaskConsoleCli.FAILED;
        }
        return TaskConsoleCli.OK;
    }

    /**
     * The attempts as data. Field names are part of the CLI's interface: add, never rename.
     * {@code job} is Kubernetes' word in lower case, or {@code unknown} when the cluster was not asked.
     */
    static Map<String, Object> document(TaskDraft draft, AttemptsOverview overview, TaskService service) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task_id", draft.info().id().value());
        doc.put("service", draft.info().service().value());
        doc.put("cluster_problem", overview.clusterProblem());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (AttemptSummary a : overview.attempts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("attempt", a.number());
            row.put("submitted_at", a.submittedAt() == null ? null : a.submittedAt().toString());
            row.put("context", a.context());
            row.put("namespace", a.namespace());
            row.put("release", a.release());
            row.put("submission", a.result() == null ? null : a.result().label());
            row.put("helm_status", a.helmStatus());
            row.put("job", a.job().name().toLowerCase(java.util.Locale.ROOT));
            row.put("duration_seconds", a.duration() == null ? null : a.duration().toSeconds());
            Optional<AcceptanceReport> report = service.acceptanceReport(draft, a.number());
            row.put("report", report.map(AttemptsCommand::report).orElse(null));
            attempts.add(row);
        }
        doc.put("attempts", attempts);
        return doc;
    }

    /** An attempt's acceptance report: {@code state} parsed, malformed or absent, and the counts when parsed. */
    private static Map<String, Object> report(AcceptanceReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("state", report.state().name().toLowerCase(java.util.Locale.ROOT));
        doc.put("met", report.parsed() ? report.met() : null);
        doc.put("out_of", report.parsed() ? report.outOf() : null);
        doc.put("problem", report.problem());
        doc.put("unknown_ids", report.unknownIds());
        doc.put("unreported_ids", report.unreported());
        return doc;
    }
}
