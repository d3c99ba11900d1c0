package io.taskconsole.testkube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the controllers the test API server does not have, for one attempt's Job: the Job
 * controller making a pod from the Job's template (labelled {@code job-name} and
 * {@code batch.kubernetes.io/job-name}), the kubelet writing the pod's and its containers' states,
 * and both of them writing Events. Every write goes through the API, so watches see it.
 */
public final class JobPods {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final KubernetesClient client;
    private final String namespace;

    public JobPods(TestKubeApiServer server, String namespace) {
        this.client = server.client();
        this.namespace = namespace;
    }

    /**
     * A Job shaped like the chart's (init containers {@code fetch-source} and {@code prepare-workspace},
     * container {@code agent}), for tests that do not install the chart.
     */
    public Job createJob(String name) {
        Job job = new JobBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec()
                .withInitContainers(new ContainerBuilder().withName("fetch-source").withImage("alpine/git").build(),
                        new ContainerBuilder().withName("prepare-workspace").withImage("busybox").build())
                .withContainers(new ContainerBuilder().withName("agent").withImage("ghcr.io/example/claude-code:1").build())
                .withRestartPolicy("Never").endSpec().endTemplate().endSpec().build();
        return client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
    }

    /** What the Job controller does: a pod from the Job's template, owned by and labelled for the Job. */
    public Pod startPod(String jobName, String podName) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
        if (job == null) {
            throw new IllegalStateException("no Job " + jobName + " in " + namespace);
        }
        Pod pod = new PodBuilder().withNewMetadata().withName(podName).withNamespace(namespace)
                .withLabels(Map.of("job-name", jobName, "batch.kubernetes.io/job-name", jobName,
                        "controller-uid", String.valueOf(job.getMetadata().getUid())))
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(jobName)
                .withUid(job.getMetadata().getUid()).withController(true).endOwnerReference()
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withStatus(new PodStatusBuilder().withPhase("Pending").build())
                .build();
        return client.pods().inNamespace(namespace).resource(pod).create();
    }

    /** Writes the pod's status as the kubelet would. */
    public Pod podStatus(String podName, String phase, List<ContainerStatus> initContainers,
                         List<ContainerStatus> containers) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        PodStatus status = new PodStatusBuilder().withPhase(phase).withInitContainerStatuses(initContainers)
                .withContainerStatuses(containers).withStartTime(pod.getMetadata().getCreationTimestamp()).build();
        pod.setStatus(status);
        return client.pods().inNamespace(namespace).resource(pod).updateStatus();
    }

    /** Writes the Job's status as the Job controller would. */
    public Job jobStatus(String jobName, JobStatus status) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
        job.setStatus(status);
        return client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
    }

    /** An Event about an object ({@code kind} Job, Pod or PersistentVolumeClaim). */
    public Event event(String kind, String name, String type, String reason, String message) {
        String now = Instant.now().toString();
        Event event = new EventBuilder().withNewMetadata()
                .withName(name + "." + Long.toHexString(System.nanoTime()) + EVENTS.incrementAndGet())
                .withNamespace(namespace).endMetadata()
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace(namespace)
                .withUid(UUID.randomUUID().toString()).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(now).withLastTimestamp(now)
                .build();
        return client.v1().events().inNamespace(namespace).resource(event).create();
    }

    public static ContainerStatus waiting(String container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container).withReady(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    public static ContainerStatus running(String container) {
        return new ContainerStatusBuilder().withName(container).withReady(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState().build();
    }

    public static ContainerStatus terminated(String container, String reason, int exitCode, String message) {
        String now = Instant.now().toString();
        return new ContainerStatusBuilder().withName(container).withReady(false).withRestartCount(0)
                .withNewState().withNewTerminated().withReason(reason).withExitCode(exitCode).withMessage(message)
                .withStartedAt(now).withFinishedAt(now).endTerminated().endState().build();
    }
}
