package io.taskconsole.task;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes {@code task.yaml} by editing the file's node tree rather than re-serialising a map, so the
 * comments, key order and keys a user wrote that the app does not know survive every save.
 */
final class TaskYaml {

    /** Top-level keys the app owns; any other key is the user's and is left as written. */
    static final Set<String> MANAGED = Set.of("id", "service", "title", "agent", "model",
            "permission_mode", "active_deadline", "repository", "env", "secrets");
    private static final Set<String> MANAGED_REPOSITORY = Set.of("url", "branch", "path", "credentials_secret");

    private TaskYaml() {
    }

    /** The new text of {@code task.yaml} for {@code info}, keeping what {@code existing} (may be null) holds besides. */
    static String render(String existing, TaskInfo info) {
        DumpSettings dumpSettings = DumpSettings.builder()
                .setDumpComments(true)
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .build();
        StandardRepresenter representer = new StandardRepresenter(dumpSettings);
        Node desired = representer.represent(toMap(info));
        Node root = parse(existing).filter(n -> n instanceof MappingNode).orElse(null);
        Node merged = root == null ? desired : merge((MappingNode) root, (MappingNode) desired, MANAGED);
        StringWriter out = new StringWriter();
        new Dump(dumpSettings).dumpNode(merged, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.write(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.write(str, off, len);
            }
        });
        return out.toString();
    }

    private static Optional<Node> parse(String existing) {
        if (existing == null || existing.isBlank()) {
            return Optional.empty();
        }
        try {
            return new Compose(LoadSettings.builder().setParseComments(true).build()).composeString(existing);
        } catch (RuntimeException e) {
            // A task.yaml the app cannot parse is rewritten from the app's state (reading reported it).
            return Optional.empty();
        }
    }

    static Map<String, Object> toMap(TaskInfo info) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("id", info.id().value());
        yaml.put("service", info.service().value());
        yaml.put("title", info.title());
        yaml.put("agent", info.agent());
        yaml.put("model", info.model());
        TaskSettings settings = info.settings();
        if (settings.permissionMode() != null) {
            yaml.put("permission_mode", settings.permissionMode());
        }
        if (settings.activeDeadlineSeconds() != null) {
            yaml.put("active_deadline", settings.activeDeadlineSeconds());
        }
        Repository repository = settings.repository();
        if (repository != null) {
            Map<String, Object> repo = new LinkedHashMap<>();
            repo.put("url", repository.url());
            repo.put("branch", repository.branch());
            if (!repository.path().isEmpty()) {
                repo.put("path", repository.path());
            }
            if (!repository.credentialsSecret().isEmpty()) {
                repo.put("credentials_secret", repository.credentialsSecret());
            }
            yaml.put("repository", repo);
        }
        if (!settings.env().isEmpty()) {
            yaml.put("env", new LinkedHashMap<>(settings.env()));
        }
        if (!settings.secrets().isEmpty()) {
            yaml.put("secrets", settings.secretsAsMaps());
        }
        return yaml;
    }

    /**
     * Puts {@code desired}'s entries into {@code existing}: keys both have keep their place and
     * comments; managed keys {@code desired} lacks are dropped; other keys stay; new keys go last.
     * {@code managed} null means every key of this mapping is managed.
     */
    private static MappingNode merge(MappingNode existing, MappingNode desired, Set<String> managed) {
        Map<String, Node> wanted = new LinkedHashMap<>();
        for (NodeTuple t : desired.getValue()) {
            wanted.put(keyOf(t), t.getValueNode());
        }
        List<NodeTuple> result = new ArrayList<>();
        for (NodeTuple t : existing.getValue()) {
            String key = keyOf(t);
            Node want = wanted.remove(key);
            if (want == null) {
                if (managed != null && !managed.contains(key)) {
                    result.add(t);
                }
                continue;
            }
            result.add(new NodeTuple(t.getKeyNode(), replace(t.getValueNode(), want, key)));
        }
        for (NodeTuple t : desired.getValue()) {
            if (wanted.containsKey(keyOf(t))) {
                result.add(t);
            }
        }
        existing.setValue(result);
        return existing;
    }

    private static Node replace(Node old, Node want, String key) {
        if (old instanceof MappingNode oldMap && want instanceof MappingNode wantMap) {
            Set<String> managed = key.equals("repository") ? MANAGED_REPOSITORY : null;
            return merge(oldMap, wantMap, managed);
        }
        if (old instanceof ScalarNode oldScalar && want instanceof ScalarNode wantScalar
                && oldScalar.getValue().equals(wantScalar.getValue()) && oldScalar.getTag().equals(wantScalar.getTag())) {
            return old;
        }
        want.setBlockComments(old.getBlockComments());
        want.setInLineComments(old.getInLineComments());
        want.setEndComments(old.getEndComments());
        return want;
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }
}
