package io.taskconsole.ui;

import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.transcript.TranscriptFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster side of {@link AgentLogFollowPhase}, in a process of its own: a test API server with a
 * running attempt of the sample task whose pod's {@code agent} log holds many stream-json lines.
 *
 * <p>A process of its own because the API server holds the whole log (and answers the follow) in its
 * heap: in the app's JVM its hundreds of megabytes would be collected by the app's collector and
 * counted in the app's pauses, where a real cluster's API server and kubelet are elsewhere.
 */
public final class AgentLogCluster {

    static final String READY = "agent-log-cluster-ready ";

    private AgentLogCluster() {
    }

    /** {@code TEMP LINES}: prints {@link #READY}{@code KUBECONFIG NAMESPACE}, serves until stdin closes. */
    public static void main(String[] args) throws Exception {
        Path temp = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            String ns = "bench-" + Long.toHexString(System.nanoTime());
            server.createAttemptNamespace(ns);
            Path kubeconfig = server.writeKubeconfig(temp.resolve("kube"), "test-context", ns);
            TaskDraft task = SampleTask.create(Files.createTempDirectory(temp, "names"));
            ResourceNames names = new ResourceNames(task.info().service(), task.info().id(), 1);
            JobPods kube = new JobPods(server, ns);
            String pod = names.jobName() + "-b3nch";
            server.client().configMaps().inNamespace(ns).resource(AttemptConfigMaps.build(names, ns,
                    Map.of("task.md", "# task\n".getBytes(StandardCharsets.UTF_8)))).create();
            kube.createJob(names.jobName());
            kube.startPod(names.jobName(), pod);
            List<String> fixture = TranscriptFixture.lines();
            List<String> log = new ArrayList<>(lines);
            for (int i = 0; i < lines - 1; i++) {
                log.add(fixture.get(i % fixture.size()));
            }
            log.add(AgentLogFollowPhase.LAST);
            server.podLogs().append(ns, pod, "agent", log.toArray(String[]::new));
            kube.podStatus(pod, "Running", List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                    JobPods.terminated("prepare-workspace", "Completed", 0, null)), List.of(JobPods.running("agent")));
            kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());
            System.out.println(READY + kubeconfig + " " + ns);
            System.out.flush();
            // Serves until the bench closes the pipe (or dies).
            while (System.in.read() >= 0) {
                // nothing to read: the pipe's end is the signal
            }
        }
    }

    /** The running host: its kubeconfig and namespace; closing it stops the process. */
    record Host(Process process, Path kubeconfig, String namespace) implements AutoCloseable {

        static Host start(Path temp, int lines) throws IOException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), AgentLogCluster.class.getName(),
                    temp.toString(), String.valueOf(lines));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(READY)) {
                    String[] parts = line.substring(READY.length()).split(" ");
                    return new Host(process, Path.of(parts[0]), parts[1]);
                }
            }
            process.destroyForcibly();
            throw new IOException("the agent log's API server process ended before it was ready");
        }

        @Override
        public void close() {
            try (OutputStream in = process.getOutputStream()) {
                in.flush();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
