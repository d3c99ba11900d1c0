{{- define "task-console-submitter.labels" -}}
app.kubernetes.io/name: task-console-submitter
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: task-console
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}
