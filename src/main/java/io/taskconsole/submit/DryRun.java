package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmCommand;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.task.AtomicFiles;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Shows what a submission would send, without a cluster: the attempt's files, the ConfigMap, the
 * values, the helm command, and (optionally) the manifests {@code helm template} renders.
 */
public final class DryRun {

    /** Everything a dry run produced, by the file name it is written under. */
    public record Result(AttemptFiles files, String configMapYaml, String valuesYaml, String helmCommand,
                         String manifests, List<Problem> problems) {

        public Map<String, String> outputs() {
            Map<String, String> out = new LinkedHashMap<>();
            files.files().keySet().forEach(name -> out.put(name, files.text(name)));
            out.put("configmap.yaml", configMapYaml);
            out.put("values.yaml", valuesYaml);
            out.put("helm-command.txt", helmCommand + "\n");
            if (manifests != null) {
                out.put("manifests.yaml", manifests);
            }
            return out;
        }
    }

    private final HelmLocator helmLocator;
    private final HelmRunner helmRunner;
    private final Clock clock;
    private final String submittedBy;
    private final String appVersion;
    private final CriteriaExtractor extractor = new CriteriaExtractor();
    private final Kubeconfigs kubeconfigs;

    public DryRun(HelmLocator helmLocator, HelmRunner helmRunner, Clock clock, String submittedBy, String appVersion) {
        this(helmLocator, helmRunner, clock, submittedBy, appVersion, Kubeconfigs.fromSystem());
    }

    /** @param kubeconfigs resolves the kubeconfig files the shown helm command names, as a submission would */
    public DryRun(HelmLocator helmLocator, HelmRunner helmRunner, Clock clock, String submittedBy, String appVersion,
                  Kubeconfigs kubeconfigs) {
        this.kubeconfigs = kubeconfigs;
        this.helmLocator = helmLocator;
        this.helmRunner = helmRunner;
        this.clock = clock;
        this.submittedBy = submittedBy;
        this.appVersion = appVersion;
    }

    public static DryRun forSystem() {
        return new DryRun(HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(),
                System.getProperty("user.name", "unknown"), AppVersion.get());
    }

    /**
     * @param kubeContext shown in metadata.yaml and the command; {@code null} renders a placeholder
     * @param withTemplate also run {@code helm template}; needs helm but no cluster
     */
    public Result render(TaskDraft draft, int attempt, SubmitSettings settings, String kubeContext,
                         PromptTemplate template, boolean withTemplate) {
        SubmissionValidator validator = new SubmissionValidator();
        List<Problem> problems = new ArrayList<>(validator.validateDraft(draft));
        ResourceNames names = new ResourceNames(draft.info().service(), draft.info().id(), attempt);
        String namespace = settings.target().namespace();
        String context = kubeContext == null ? "(current context)" : kubeContext;
        AttemptFiles files = new AttemptFilesGenerator(extractor, template).generate(draft,
                new AttemptContext(attempt, null, submittedBy, clock.instant(), appVersion, context, namespace));
        problems.addAll(validator.validateFiles(files));
        String configMapYaml = new KubernetesSerialization().asYaml(
                AttemptConfigMaps.build(names, namespace, files.files()));
        String valuesYaml = ValuesFile.yaml(draft.info(), names, null);
        String helmCommand;
        String manifests = null;
        Path valuesFile = null;
        try (PreparedChart chart = settings.chart().prepare()) {
            valuesFile = Files.createTempFile("task-console-values", ".yaml");
            AtomicFiles.writeString(valuesFile, valuesYaml);
            HelmBinary helm = null;
            try {
                helm = helmLocator.locate(settings.helmPath());
            } catch (TaskConsoleException e) {
                if (withTemplate) {
                    throw e;
                }
            }
            HelmBinary shown = helm != null ? helm : new HelmBinary(Path.of("helm"), "v3");
            HelmTarget where = helmTarget(settings.target(), kubeContext);
            helmCommand = HelmCommand.upgradeInstall(shown, names.releaseName(), chart.ref(),
                    where.files(), where.context(), namespace, Path.of("values.yaml"),
                    settings.extraValues(), settings.timeout(), settings.waitForResources()).display();
            if (withTemplate) {
                manifests = template(helm, names, chart.ref(), settings, namespace, valuesFile);
            }
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot write a temporary values file: " + e.getMessage(),
                    "Check free space in the temp folder.", e);
        } finally {
            if (valuesFile != null) {
                try {
                    Files.deleteIfExists(valuesFile);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
        return new Result(files, configMapYaml, valuesYaml, helmCommand, manifests, List.copyOf(problems));
    }

    /** The kubeconfig files and context the shown command names. */
    private record HelmTarget(List<Path> files, String context) {
    }

    /**
     * What a submission would hand helm: the kubeconfig files resolved as for fabric8 and the context
     * (the current one when none is chosen), so a pasted command goes where Submit goes. Without a
     * usable kubeconfig (a dry run needs none) the command names what was chosen, if anything.
     */
    private HelmTarget helmTarget(KubeTarget target, String kubeContext) {
        if (target.inCluster()) {
            return new HelmTarget(List.of(), kubeContext);
        }
        try {
            KubeconfigInfo info = kubeconfigs.read(target.kubeconfig());
            List<Path> files = info.files().stream().filter(Files::isRegularFile).toList();
            return new HelmTarget(files, kubeContext != null ? kubeContext : info.currentContext());
        } catch (TaskConsoleException e) {
            return new HelmTarget(target.kubeconfig() == null ? List.of() : List.of(target.kubeconfig()), kubeContext);
        }
    }

    private String template(HelmBinary helm, ResourceNames names, String chartRef, SubmitSettings settings,
                            String namespace, Path valuesFile) {
        HelmCommand command = HelmCommand.template(helm, names.releaseName(), chartRef, namespace,
                valuesFile, settings.extraValues());
        StringBuilder out = new StringBuilder();
        OutputListener collect = (stream, line) -> {
            if (stream == OutputListener.Stream.STDOUT) {
                synchronized (out) {
                    out.append(line).append('\n');
                }
            }
        };
        try {
            helmRunner.start(command, collect).awaitSuccess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskConsoleException.cancelled("helm template was interrupted");
        }
        synchronized (out) {
            return out.toString();
        }
    }

    /** Writes every output of {@code result} into {@code dir}, atomically, one file each. */
    public static List<Path> write(Result result, Path dir) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : result.outputs().entrySet()) {
            Path file = dir.resolve(e.getKey());
            try {
                AtomicFiles.writeString(file, e.getValue());
            } catch (IOException ex) {
                throw TaskConsoleException.failed("Cannot write " + file + ": " + ex.getMessage(),
                        "Choose an output folder you can write to.", ex);
            }
            written.add(file);
        }
        return written;
    }

}
