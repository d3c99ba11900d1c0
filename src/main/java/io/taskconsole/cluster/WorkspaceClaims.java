package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.task.ServiceName;
import java.util.Map;

/**
 * The per-service workspace volume. The app creates it when absent, outside any helm release:
 * it outlives every attempt, and a resource made by one release can't be adopted by another.
 */
public final class WorkspaceClaims {

    public static final String DEFAULT_STORAGE_CLASS = "local-path";
    public static final String DEFAULT_SIZE = "10Gi";

    private final KubeConnector.Connection connection;

    public WorkspaceClaims(KubeConnector.Connection connection) {
        this.connection = connection;
    }

    /** @return true if it was created now, false if it already existed */
    public boolean ensure(ServiceName service, String storageClass, String size) {
        String name = ResourceNames.workspaceClaimName(service);
        try {
            if (connection.client().persistentVolumeClaims().inNamespace(connection.namespace()).withName(name).get() != null) {
                return false;
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "get", "persistentvolumeclaims", name);
        }
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(connection.namespace())
                .withLabels(Map.of(
                        ResourceNames.LABEL_APP, ResourceNames.APP,
                        ResourceNames.LABEL_MANAGED_BY, ResourceNames.APP,
                        ResourceNames.LABEL_SERVICE, service.value()))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storageClass == null || storageClass.isBlank() ? null : storageClass)
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity(size == null || size.isBlank() ? DEFAULT_SIZE : size)))
                .endResources()
                .endSpec()
                .build();
        try {
            connection.client().persistentVolumeClaims().inNamespace(connection.namespace()).resource(claim).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return false; // created by a concurrent submission of the same service
            }
            throw KubeErrors.translate(e, connection, "create", "persistentvolumeclaims", name);
        }
    }
}
