package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.helm.OutputListener.Stream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real helm cannot be made to do on demand: ignore SIGTERM, flood its output, die by a
 * signal. A scripted fake helm ({@code helm/fake/fake-helm.sh}) plays those parts.
 */
class HelmRunnerEdgeCaseTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    private HelmBinary fake;
    private final HelmRunner runner = new HelmRunner(Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofMinutes(5));

    @BeforeEach
    void writeFakeHelm() throws Exception {
        fake = TestHelm.fake(tmp);
    }

    private HelmCommand fake(String... args) {
        return HelmCommand.of(fake, List.of(args));
    }

    @Test
    void cancelKillsAHelmThatIgnoresSigtermTogetherWithItsChild() throws Exception {
        CountDownLatch childStarted = new CountDownLatch(1);
        long[] childPid = new long[1];
        HelmProcess process = runner.start(fake("hang-ignoring-term"), (stream, line) -> {
            if (line.startsWith("child ")) {
                childPid[0] = Long.parseLong(line.substring(6));
                childStarted.countDown();
            }
        });
        assertThat(childStarted.await(1, TimeUnit.MINUTES)).isTrue();
        ProcessHandle child = ProcessHandle.of(childPid[0]).orElseThrow();

        process.cancel();
        HelmResult result = process.await(HANG_GUARD).orElseThrow();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(child.onExit().get(1, TimeUnit.MINUTES).isAlive()).isFalse();
        assertThat(process.isRunning()).isFalse();
        assertThat(HelmFailure.exception(process.command(), result).kind())
                .isEqualTo(TaskConsoleException.Kind.CANCELLED);
    }

    @Test
    void cancelAfterHelmEndedChangesNothing() throws Exception {
        HelmProcess process = runner.start(fake("exit", "0"), (stream, line) -> { });
        HelmResult before = process.await(HANG_GUARD).orElseThrow();

        process.cancel();

        assertThat(process.await()).isEqualTo(before);
        assertThat(before.cancelled()).isFalse();
    }

    @Test
    void theWatchdogStopsAHungHelmAndTheChildHoldingItsOutput() throws Exception {
        RecordingListener listener = new RecordingListener();
        HelmProcess process = runner.start(fake("sleep"), listener, Duration.ofSeconds(1));

        HelmResult result = process.await(HANG_GUARD).orElseThrow();

        assertThat(result.timedOut()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(listener.lines(Stream.STDOUT)).containsExactly("sleeping");
        assertThat(listener.lines(Stream.INFO)).anySatisfy(line -> assertThat(line).contains("stopping it"));
        TaskConsoleException error = HelmFailure.exception(process.command(), result);
        assertThat(error.getMessage()).contains("did not finish in time");
    }

    @Test
    void aHundredThousandLinesArriveInOrderThroughASlowListener() throws Exception {
        int count = 100_000;
        RecordingListener recorder = new RecordingListener();
        OutputListener slow = (stream, line) -> {
            if (line.endsWith("000") || line.equals("out 1")) {
                pause(line.equals("out 1") ? 500 : 1);
            }
            recorder.onLine(stream, line);
        };

        HelmResult result = runner.start(fake("lines", Integer.toString(count)), slow).await(HANG_GUARD).orElseThrow();

        assertThat(result.exitCode()).isZero();
        assertThat(recorder.lines(Stream.STDOUT)).isEqualTo(IntStream.rangeClosed(1, count).mapToObj(i -> "out " + i).toList());
        assertThat(recorder.lines(Stream.STDERR)).isEqualTo(IntStream.rangeClosed(1, count).mapToObj(i -> "err " + i).toList());
        assertThat(result.stderrTail()).hasSize(HelmProcess.STDERR_TAIL_LINES).endsWith("err " + count);
    }

    @Test
    void interleavedStdoutAndStderrAreToldApart() throws Exception {
        RecordingListener listener = new RecordingListener();

        runner.start(fake("lines", "3"), listener).await(HANG_GUARD).orElseThrow();

        assertThat(listener.lines(Stream.STDOUT)).containsExactly("out 1", "out 2", "out 3");
        assertThat(listener.lines(Stream.STDERR)).containsExactly("err 1", "err 2", "err 3");
    }

    @Test
    void oddExitCodesArePassedOn() throws Exception {
        HelmResult three = runner.start(fake("exit", "3"), (s, l) -> { }).await(HANG_GUARD).orElseThrow();
        HelmResult killed = runner.start(fake("kill-self"), (s, l) -> { }).await(HANG_GUARD).orElseThrow();

        assertThat(three.exitCode()).isEqualTo(3);
        assertThat(three.stderrTail()).containsExactly("Error: failing with 3 as asked");
        assertThat(HelmFailure.exception(fake("exit", "3"), three).getMessage())
                .isEqualTo("helm exit failed (exit 3): Error: failing with 3 as asked");
        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(killed.cancelled()).isFalse();
        assertThat(killed.succeeded()).isFalse();
    }

    @Test
    void anUnterminatedLastLineIsStillDelivered() throws Exception {
        RecordingListener listener = new RecordingListener();

        runner.start(fake("unterminated"), listener).await(HANG_GUARD).orElseThrow();

        assertThat(listener.lines(Stream.STDOUT)).containsExactly("first", "last without newline");
    }

    @Test
    void hugeLinesAreCutAndBytesThatAreNotUtf8DoNotStopTheOutput() throws Exception {
        RecordingListener listener = new RecordingListener();

        HelmResult result = runner.start(fake("odd-bytes"), listener).await(HANG_GUARD).orElseThrow();

        List<String> out = listener.lines(Stream.STDOUT);
        assertThat(result.exitCode()).isZero();
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).startsWith("x".repeat(65_536)).doesNotContain("x".repeat(65_537))
                .endsWith("[line cut: 200000 bytes, showing the first 65536]");
        assertThat(out.get(1)).isEqualTo("bad \uFFFD\uFFFD bytes");
        assertThat(out.get(2)).isEqualTo("after");
    }

    @Test
    void helmGetsTheUsersPathWithItsOwnDirectoryAdded() throws Exception {
        RecordingListener listener = new RecordingListener();

        runner.start(fake("path"), listener).await(HANG_GUARD).orElseThrow();

        String inherited = System.getenv("PATH");
        assertThat(listener.lines(Stream.STDOUT)).containsExactly(inherited + java.io.File.pathSeparator + tmp);
    }

    @Test
    void aListenerThatThrowsDoesNotStopHelm() throws Exception {
        HelmResult result = runner.start(fake("lines", "1000"), (stream, line) -> {
            throw new IllegalStateException("UI gone");
        }).await(HANG_GUARD).orElseThrow();

        assertThat(result.exitCode()).isZero();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
