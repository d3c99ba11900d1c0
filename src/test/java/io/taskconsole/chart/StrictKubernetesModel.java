package io.taskconsole.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads rendered manifests into fabric8's Kubernetes model classes so that a field the API does
 * not know fails the read, as {@code kubectl apply --validate=strict} would. fabric8's classes
 * keep unknown fields in an {@code additionalProperties} map; this mapper removes that catch-all
 * and turns on FAIL_ON_UNKNOWN_PROPERTIES, and it refuses a string where the API wants a number.
 */
final class StrictKubernetesModel {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "batch/v1 Job", Job.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "rbac.authorization.k8s.io/v1 Role", Role.class,
            "rbac.authorization.k8s.io/v1 RoleBinding", RoleBinding.class,
            "rbac.authorization.k8s.io/v1 ClusterRole", io.fabric8.kubernetes.api.model.rbac.ClusterRole.class,
            "rbac.authorization.k8s.io/v1 ClusterRoleBinding", io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class,
            "apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "v1 Service", io.fabric8.kubernetes.api.model.Service.class,
            "policy/v1 PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule("no-catch-all").setDeserializerModifier(new NoAnySetter()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The typed object; throws if the kind is not known here or any field is unknown or mistyped. */
    HasMetadata read(JsonNode manifest) {
        String key = manifest.path("apiVersion").asString() + " " + manifest.path("kind").asString();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException("no model class for " + key + " (add it to StrictKubernetesModel)");
        }
        return mapper.treeToValue(manifest, type);
    }

    private static final class NoAnySetter extends ValueDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier description,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
        }
    }
}
