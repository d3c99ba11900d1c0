package io.taskconsole.cli;

import io.taskconsole.app.TaskService;
import picocli.CommandLine.Option;

/** {@code --skip-preflight}: for scripts that know the cluster has what the task needs. */
final class PreflightOption {

    @Option(names = "--skip-preflight", description = "Do not check the namespace, Secrets, storage class and helm's "
            + "access before creating anything.")
    boolean skip;

    TaskService service(TaskService service) {
        return skip ? service.skippingPreflight() : service;
    }
}
