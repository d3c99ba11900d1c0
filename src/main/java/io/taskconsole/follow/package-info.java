/**
 * Following an attempt while it runs and after: its Job's, pods' and Events' state as watches report
 * it ({@link io.taskconsole.follow.AttemptWatch}), each Kubernetes reason told as a sentence with its
 * likely fix ({@link io.taskconsole.follow.Reasons}), and its containers' logs followed across dropped
 * connections and kept in the task's {@code .history/} ({@link io.taskconsole.follow.LogFollower}).
 * No JavaFX here: the faces render what this reports.
 */
package io.taskconsole.follow;
