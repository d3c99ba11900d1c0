/**
 * A Kubernetes API server for tests that the real {@code helm} v3 and {@code kubectl} binaries
 * and the fabric8 client work against, so Task Console's submit path can be tested end to end
 * without a cluster.
 *
 * <p>{@link io.taskconsole.testkube.TestKubeApiServer} is fabric8's {@code KubernetesMockServer}
 * in CRUD mode (objects are stored as JSON, keyed by kind, namespace, name and labels) on
 * 127.0.0.1 over HTTPS with a bearer token, behind a front dispatcher that adds what the plain
 * mock lacks for these clients:
 * <ul>
 *   <li>{@code Content-Type: application/json} on every answer (without it client-go decodes
 *       the body as protobuf and fails);</li>
 *   <li>legacy discovery ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/GROUP[/VERSION]},
 *       {@code /version}) for core v1, batch, apps, rbac, authorization and apiextensions;
 *       aggregated-discovery requests get the legacy documents and clients fall back;
 *       {@code /openapi/v2} answers an empty document and {@code /openapi/v3} 404;</li>
 *   <li>protobuf request bodies ({@code application/vnd.kubernetes.protobuf}) of Secret,
 *       ConfigMap, Namespace, ServiceAccount and the access reviews are decoded to JSON
 *       (other kinds answer 415 with the list of what is understood);</li>
 *   <li>collection answers carry their real list kind ({@code SecretList}, not {@code List}),
 *       which {@code helm list} needs;</li>
 *   <li>strategic-merge patches and server-side apply are merged against the stored object and
 *       stored as an update (an approximation, see {@code StrategicMergePatch}); JSON and merge
 *       patches go to the mock as they are;</li>
 *   <li>creating an object in a namespace that does not exist answers 404, as a cluster does;</li>
 *   <li>error answers carry a Kubernetes {@code Status} body with reason and message;</li>
 *   <li>containers' logs at {@code /api/v1/namespaces/{ns}/pods/{pod}/log} ({@code container},
 *       {@code follow}, {@code sinceTime} cut to seconds, {@code tailLines}, {@code timestamps}), written by
 *       the test through {@link io.taskconsole.testkube.PodLogs}, refused as the API server refuses them;
 *       {@link io.taskconsole.testkube.JobPods} plays the Job controller and the kubelet (pods, states,
 *       Events);</li>
 *   <li>every call is recorded as an {@link io.taskconsole.testkube.ApiCall} (RBAC verb, group,
 *       resource, namespace, name, client), and {@link io.taskconsole.testkube.FaultRule}s make
 *       chosen calls fail (403 like RBAC, or any status), including {@code kubectl auth can-i}.</li>
 * </ul>
 *
 * <h2>What this server does NOT check or do</h2>
 * <ul>
 *   <li><b>No validation</b>: no schema, no required fields beyond a name, no field validation;
 *       any JSON is stored as sent. The OpenAPI document is empty, so helm and kubectl validate
 *       nothing on the client either.</li>
 *   <li><b>No immutability</b>: a Job's pod template, an {@code immutable: true} ConfigMap or
 *       Secret, and every other field a real API server refuses to change can be changed here.
 *       A test that relies on such a refusal must assert it some other way.</li>
 *   <li><b>No admission</b>: no defaulting (no {@code spec.completions} or
 *       {@code spec.template.metadata.labels} on Jobs, no default ServiceAccount, no resource
 *       quotas or limit ranges), no webhooks, no pod security. So {@code helm --wait} returns at
 *       once, and {@code --wait-for-jobs} too, since a Job without {@code spec.completions}
 *       counts as complete for helm.</li>
 *   <li><b>No controllers</b>: no pod ever runs; Jobs never start, succeed or fail unless a test
 *       writes their {@code status} (fabric8: {@code jobs().resource(job).updateStatus()}, which
 *       also wakes a {@code waitUntilCondition} watching it); deleting a namespace does not delete its contents
 *       (use {@link io.taskconsole.testkube.TestKubeApiServer#deleteNamespace(String)});
 *       no garbage collection through owner references; {@code propagationPolicy} is ignored.</li>
 *   <li><b>No authorization</b> beyond the bearer token: RBAC Roles are stored but never
 *       enforced; only fault rules refuse calls. TokenReview and SubjectAccessReview are answered
 *       from what a test registers ({@code addUserToken}, {@code grantNonResource}), not from
 *       stored Roles or bindings.</li>
 *   <li><b>No held-open log follow</b>: the mock web server answers with whole bodies, so a
 *       {@code follow=true} log request gets the lines so far and then ends, as a dropped connection
 *       does; the client reconnects (see {@link io.taskconsole.testkube.PodLogs}).</li>
 *   <li><b>Watches only over WebSocket</b> (as fabric8 asks for them); client-go's HTTP-stream
 *       watches ({@code kubectl get -w}, {@code kubectl wait}) answer 405.</li>
 *   <li><b>Approximate merges</b>: strategic-merge patches guess merge keys from the data
 *       ({@code name}, {@code containerPort}, {@code mountPath}, ...) instead of the Go types'
 *       tags; server-side apply has no field managers and never reports conflicts;
 *       {@code dryRun} answers without storing but also without the server's defaulting.</li>
 *   <li><b>Simple resource versions</b>: one counter for all objects; an update (PUT) with a
 *       stale {@code resourceVersion} gets 409 Conflict as on a cluster, but strategic-merge and
 *       apply patches never conflict.</li>
 * </ul>
 */
package io.taskconsole.testkube;
