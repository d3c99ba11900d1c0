{{- define "task-console-submitter.labels" -}}
app.kubernetes.io/name: task-console-submitter
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: task-console
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}

{{/* Cluster-scoped, so named for the namespace too: one per namespace the chart is installed in. */}}
{{- define "task-console-submitter.clusterRoleName" -}}
{{ printf "%s-%s-preflight" .Values.roleName .Release.Namespace }}
{{- end -}}

{{/* The RoleBinding's and ClusterRoleBinding's subjects, from .Values.subjects. */}}
{{- define "task-console-submitter.subjects" -}}
{{- range .Values.subjects }}
- kind: {{ .kind }}
  name: {{ .name | quote }}
  {{- if eq .kind "ServiceAccount" }}
  namespace: {{ .namespace | quote }}
  {{- else }}
  apiGroup: rbac.authorization.k8s.io
  {{- end }}
{{- end }}
{{- end -}}
