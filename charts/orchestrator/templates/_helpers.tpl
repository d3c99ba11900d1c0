{{- define "orchestrator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "orchestrator.selectorLabels" -}}
app.kubernetes.io/name: orchestrator
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "orchestrator.labels" -}}
{{ include "orchestrator.selectorLabels" . }}
app.kubernetes.io/part-of: task-console
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}

{{- define "orchestrator.serviceAccountName" -}}
{{- default (include "orchestrator.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}
