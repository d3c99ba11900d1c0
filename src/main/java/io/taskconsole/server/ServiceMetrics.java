package io.taskconsole.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What {@code GET /metrics} shows, in Prometheus text format: submissions (submit and retry) by
 * outcome, how long helm took (a histogram), and the helm pool's queue depth and running count.
 * Nothing of a request's content or its caller's token is ever a label.
 */
final class ServiceMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer helm;

    ServiceMetrics(ThreadPoolExecutor pool) {
        helm = Timer.builder("taskconsole.helm.duration")
                .description("How long a submission's helm upgrade --install took")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(15))
                .register(registry);
        Gauge.builder("taskconsole.helm.queue.depth", pool, p -> p.getQueue().size())
                .description("Submissions waiting for a helm slot").register(registry);
        Gauge.builder("taskconsole.helm.running", pool, ThreadPoolExecutor::getActiveCount)
                .description("Submissions running helm now").register(registry);
        for (String outcome : new String[] {"created", "replayed", "invalid", "unauthorized", "conflict", "failed",
                "unavailable"}) {
            submissions(outcome);
        }
    }

    /** Counts a submit or retry request by the status it was answered with. */
    void submissionAnswered(int status, boolean replayed) {
        submissions(outcomeOf(status, replayed)).increment();
    }

    void helmTook(Duration duration) {
        helm.record(duration);
    }

    String scrape() {
        return registry.scrape();
    }

    static String outcomeOf(int status, boolean replayed) {
        if (status == 201) {
            return replayed ? "replayed" : "created";
        }
        return switch (status) {
            case 401, 403 -> "unauthorized";
            case 409, 422 -> "conflict";
            case 502, 500 -> "failed";
            case 503 -> "unavailable";
            default -> status >= 400 && status < 500 ? "invalid" : "other-" + status;
        };
    }

    private Counter submissions(String outcome) {
        return Counter.builder("taskconsole.submissions")
                .description("Submit and retry requests by how they were answered")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry);
    }
}
