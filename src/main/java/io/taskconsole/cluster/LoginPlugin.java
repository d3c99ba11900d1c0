package io.taskconsole.cluster;

import io.taskconsole.TaskConsoleException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A kubeconfig user's exec (login) plugin, as fabric8 runs it while reading the kubeconfig: it
 * reads the plugin's output to the end, with no time limit, so a plugin waiting for a login (a
 * browser, a device code, a prompt no one sees) would hang the submission forever. Here the read
 * gets a deadline; past it the plugin's processes are stopped, which lets fabric8's read end, and
 * the user is told which plugin and how to log in.
 */
final class LoginPlugin {

    private LoginPlugin() {
    }

    static <T> T withTimeout(Supplier<T> read, String command, String context, String source, Duration timeout) {
        Instant started = Instant.now().minusSeconds(1);
        CompletableFuture<T> reading = CompletableFuture.supplyAsync(read, task -> {
            Thread thread = new Thread(task, "kubeconfig-login-plugin");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(command, started);
            throw TaskConsoleException.failed("The login plugin '" + command + "' of context '" + context + "' (kubeconfig "
                            + source + ") did not finish within " + timeout.toSeconds() + " s; it may be waiting for a login "
                            + "no one can see",
                    "Run it in a terminal to log in (e.g. 'kubectl --context " + context + " get ns'), then try again; "
                            + "or fix the users[].exec entry of the kubeconfig.", null);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(command, started);
            throw TaskConsoleException.cancelled("Cancelled while the login plugin '" + command + "' ran");
        }
    }

    /** Ends the plugin's process tree: this process's children since {@code started} that run {@code command}. */
    private static void stop(String command, Instant started) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(started)).orElse(false))
                .filter(p -> p.info().commandLine().map(line -> line.contains(command)).orElse(false)
                        || p.info().command().map(c -> c.equals(command)).orElse(false))
                .flatMap(p -> Stream.concat(p.descendants(), Stream.of(p)))
                .toList()
                .forEach(p -> {
                    p.destroyForcibly();
                    try {
                        p.onExit().get(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        // SIGKILL was sent; a process that outlives it is the kernel's business
                    }
                });
    }
}
