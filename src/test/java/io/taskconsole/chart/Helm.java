package io.taskconsole.chart;

import io.taskconsole.testkube.ToolBinaries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real helm binary, run with an argument list and its own cache/config folders so tests never
 * read or write a person's helm setup or cluster.
 */
final class Helm {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path home;

    private Helm(Path executable, Path home) {
        this.executable = executable;
        this.home = home;
    }

    /** Helm from the {@code taskconsole.helm} system property, else from PATH; empty if neither. */
    static Optional<Helm> find(Path home) {
        return ToolBinaries.find("helm", "taskconsole.helm").map(path -> new Helm(path, home));
    }

    Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("KUBECONFIG", home.resolve("no-kubeconfig").toString());
        return Processes.run(builder, TIMEOUT_SECONDS);
    }

    Result run(String... args) {
        return run(List.of(args));
    }

    /** What a finished process printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {

        boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs processes without a shell and collects their output. */
    static final class Processes {

        private Processes() {
        }

        static Result run(ProcessBuilder builder, long timeoutSeconds) {
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(builder.command().get(0) + " did not finish in " + timeoutSeconds + "s");
                }
                return new Result(process.exitValue(), out.join(), err.join());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String read(InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
