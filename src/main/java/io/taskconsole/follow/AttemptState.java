package io.taskconsole.follow;

import io.taskconsole.submit.JobPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one attempt is, from its Job, its pods and the Events about them and the service's workspace
 * claim, as of the last change a watch reported.
 *
 * @param jobReason     the reason of the Job's {@code Failed} condition ({@code BackoffLimitExceeded},
 *                      {@code DeadlineExceeded}) or {@code null}
 * @param queued        when the Job was created
 * @param started       when the Job controller started it
 * @param finished      when it completed or failed
 * @param pods          oldest first: after a restart, the last one is the current one
 * @param lastLogLines  per failed init container, the last line of its log (which says what is wrong)
 */
public record AttemptState(int attempt, String job, JobPhase phase, String jobReason, String jobMessage,
                           Instant queued, Instant started, Instant finished, List<PodState> pods,
                           List<AttemptEvent> events, Map<String, String> lastLogLines) {

    public AttemptState {
        pods = List.copyOf(pods);
        events = List.copyOf(events);
        lastLogLines = Map.copyOf(lastLogLines);
    }

    /** The attempt's Job will not change any more (or is gone). */
    public boolean over() {
        return phase.finished() || phase == JobPhase.MISSING;
    }

    /** From start to finish, or to {@code now} while it runs; {@code null} before it started. */
    public Duration duration(Instant now) {
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished != null ? finished : now);
    }

    public Optional<PodState> currentPod() {
        return pods.isEmpty() ? Optional.empty() : Optional.of(pods.get(pods.size() - 1));
    }

    /**
     * Every reason worth telling, as sentences with their likely fix, most telling first: a failed or
     * stuck container (with its last log line), then the Job's own reason, then warning Events. Routine
     * reasons (ContainerCreating, Completed) are left out; unknown ones are kept as Kubernetes wrote them.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        currentPod().ifPresent(pod -> {
            for (ContainerState c : pod.containers()) {
                boolean stuck = c.state() == ContainerState.State.WAITING && !Reasons.routine(c.reason());
                if (c.failed() || stuck || c.state() == ContainerState.State.TERMINATED && "OOMKilled".equals(c.reason())) {
                    String reason = c.reason() == null ? "Error" : c.reason();
                    String sentence = Reasons.explain(reason, Reasons.Subject.of(c));
                    String last = lastLogLines.get(c.name());
                    out.add(last == null ? sentence : sentence + " Its last log line: " + last);
                }
            }
            if (pod.reason() != null && !Reasons.routine(pod.reason())) {
                out.add(Reasons.explain(pod.reason(), Reasons.Subject.message(pod.message())));
            }
        });
        if (jobReason != null) {
            String sentence = Reasons.explain(jobReason, Reasons.Subject.message(jobMessage));
            if (!out.contains(sentence)) {
                out.add(sentence);
            }
        }
        events.stream().filter(AttemptEvent::warning).sorted(Comparator.comparing(AttemptEvent::time,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(e -> Reasons.explain(e.reason(), Reasons.Subject.message(e.message())))
                .filter(s -> !out.contains(s)).distinct().forEach(out::add);
        return out;
    }
}
