package io.taskconsole.follow;

import java.time.Instant;
import java.util.List;

/** One pod of an attempt's Job: its phase and its containers, init containers first. */
public record PodState(String name, String phase, String reason, String message, Instant createdAt,
                       List<ContainerState> containers) {

    public PodState {
        containers = List.copyOf(containers);
    }

    public List<String> containerNames() {
        return containers.stream().map(ContainerState::name).toList();
    }

    public java.util.Optional<ContainerState> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
