{{/* The Job is named after the release (one release per attempt). */}}
{{- define "claude-code.jobName" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "claude-code.taskId" -}}
{{- required "task.id is required: the task's number, set by task-console" .Values.task.id | int64 | toString -}}
{{- end -}}

{{- define "claude-code.attempt" -}}
{{- required "task.attempt is required: the attempt number, set by task-console" .Values.task.attempt | int64 | toString -}}
{{- end -}}

{{- define "claude-code.service" -}}
{{- required "task.service is required: the service's DNS-1123 name, set by task-console" .Values.task.service -}}
{{- end -}}

{{/* Relative to the service folder, as CLAUDE.md imports it. */}}
{{- define "claude-code.taskDirRelative" -}}
.task/{{ include "claude-code.taskId" . }}/run-{{ include "claude-code.attempt" . }}
{{- end -}}

{{- define "claude-code.serviceDir" -}}
/workspace/{{ include "claude-code.service" . }}
{{- end -}}

{{- define "claude-code.claimName" -}}
{{- default (printf "%s-workspace" (include "claude-code.service" .)) .Values.workspace.claimName -}}
{{- end -}}

{{- define "claude-code.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- include "claude-code.jobName" . -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "claude-code.labels" -}}
app.kubernetes.io/name: claude-code
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: task-console
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
taskconsole.io/task-id: {{ include "claude-code.taskId" . | quote }}
taskconsole.io/service: {{ include "claude-code.service" . | quote }}
taskconsole.io/attempt: {{ include "claude-code.attempt" . | quote }}
{{- end -}}

{{- define "claude-code.defaultArgs" -}}
- "-p"
{{- if .Values.repository.url }}
{{- /* The agent starts in the code, so the task folder is named in full and added to what it may read. */}}
- {{ printf "Read %s/%s/prompt.md and follow it." (include "claude-code.serviceDir" .) (include "claude-code.taskDirRelative" .) | quote }}
- "--add-dir"
- {{ include "claude-code.serviceDir" . | quote }}
{{- else }}
- {{ printf "Read %s/prompt.md and follow it." (include "claude-code.taskDirRelative" .) | quote }}
{{- end }}
- "--output-format"
- "stream-json"
- "--verbose"
{{- with .Values.agent.permissionMode }}
- "--permission-mode"
- {{ . | quote }}
{{- end }}
{{- with .Values.agent.model }}
- "--model"
- {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "claude-code.taskEnv" -}}
- name: TASK_ID
  value: {{ include "claude-code.taskId" . | quote }}
- name: SERVICE_NAME
  value: {{ include "claude-code.service" . | quote }}
- name: ATTEMPT
  value: {{ include "claude-code.attempt" . | quote }}
{{- end -}}

{{/* Where the service's code is checked out, and the branches (fetch-source and the agent). */}}
{{- define "claude-code.gitEnv" -}}
- name: REPO_URL
  value: {{ .Values.repository.url | quote }}
- name: SOURCE_DIR
  value: {{ printf "%s/src" (include "claude-code.serviceDir" .) | quote }}
- name: BASE_BRANCH
  value: {{ .Values.repository.branch | default "main" | quote }}
- name: WORK_BRANCH
  value: {{ printf "task-%s/run-%s" (include "claude-code.taskId" .) (include "claude-code.attempt" .) | quote }}
{{- end -}}

{{/* The agent starts in the repository's subfolder when one is given, in the service folder otherwise. */}}
{{- define "claude-code.agentDir" -}}
{{- if .Values.repository.url -}}
{{- $src := printf "%s/src" (include "claude-code.serviceDir" .) -}}
{{- if .Values.repository.path -}}{{ printf "%s/%s" $src (trimSuffix "/" .Values.repository.path) }}{{- else -}}{{ $src }}{{- end -}}
{{- else -}}
{{ include "claude-code.serviceDir" . }}
{{- end -}}
{{- end -}}
