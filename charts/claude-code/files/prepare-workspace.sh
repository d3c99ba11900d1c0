#!/bin/sh
# prepare-workspace: the init container of a task-console attempt.
#
# Copies this attempt's task files from the ConfigMap mount into the service's workspace at
#   $WORKSPACE_DIR/$SERVICE_NAME/.task/$TASK_ID/run-$ATTEMPT/
# checks them against the sha256 sums in metadata.yaml, and points the managed block of
#   $WORKSPACE_DIR/$SERVICE_NAME/CLAUDE.md
# at them. A rerun of the same attempt changes nothing; other attempts' folders are never touched.
#
# Environment: TASK_ID, SERVICE_NAME, ATTEMPT (required); SOURCE_DIR, BASE_BRANCH, WORK_BRANCH,
# AGENT_DIR (when the chart fetched the code: the block then says where it is); CONFIG_DIR (default /config) and
# WORKSPACE_DIR (default /workspace) so the script can be tried against any folders; TMPDIR
# (default /tmp) for scratch files, which keeps a rerun from touching the workspace at all.
# Runs in busybox sh and any POSIX sh. Every failure is one line on stderr and exit status 1.

set -eu

CONFIG_DIR="${CONFIG_DIR:-/config}"
WORKSPACE_DIR="${WORKSPACE_DIR:-/workspace}"
BEGIN_MARKER='<!-- task-console:begin -->'
END_MARKER='<!-- task-console:end -->'
CORE_FILES='task.md design-spec.md acceptance-criteria.md prompt.md'

fail() {
  printf 'prepare-workspace: %s\n' "$*" >&2
  exit 1
}

say() {
  printf 'prepare-workspace: %s\n' "$*"
}

is_number() {
  case "$1" in
    '' | *[!0-9]* | 0*) return 1 ;;
    *) return 0 ;;
  esac
}

is_dns_label() {
  case "$1" in
    '' | -* | *- | *[!a-z0-9-]*) return 1 ;;
  esac
  [ "${#1}" -le 63 ]
}

is_file_name() {
  case "$1" in
    '' | .* | *[!A-Za-z0-9._-]*) return 1 ;;
    *) return 0 ;;
  esac
}

sha256_of() {
  sum=$(sha256sum < "$1") || fail "cannot compute the sha256 of $1"
  printf '%s\n' "${sum%% *}"
}

size_of() {
  bytes=$(wc -c < "$1") || fail "cannot read the size of $1"
  printf '%s\n' "$((bytes + 0))"
}

# Prints "name sha256 size" for each entry of the files: list in metadata.yaml. The list may be
# indented or not, and values may be quoted, as YAML writers differ on both.
manifest_entries() {
  awk '
    function unquote(v) {
      sub(/^[ \t]+/, "", v); sub(/[ \t\r]+$/, "", v)
      if (v ~ /^".*"$/ || v ~ /^\047.*\047$/) v = substr(v, 2, length(v) - 2)
      return v
    }
    function flush() {
      if (open) print (name == "" ? "-" : name), (sha == "" ? "-" : sha), (size == "" ? "-" : size)
      open = 0; name = ""; sha = ""; size = ""
    }
    /^[ \t]*(#.*)?$/ { next }
    /^files:[ \t]*$/ { infiles = 1; next }
    /^[A-Za-z_"\047]/ { flush(); infiles = 0; next }
    !infiles { next }
    {
      line = $0
      if (line ~ /^[ \t]*-[ \t]/) { flush(); open = 1; sub(/^[ \t]*-[ \t]+/, "", line) }
      sub(/^[ \t]+/, "", line)
      key = line; sub(/:.*/, "", key)
      value = line; sub(/^[^:]*:/, "", value)
      if (key == "name") name = unquote(value)
      else if (key == "sha256") sha = unquote(value)
      else if (key == "size") size = unquote(value)
    }
    END { flush() }
  ' "$1"
}

listed() {
  cut -d ' ' -f 1 "$entries" | grep -q -F -x "$1"
}

# Checks that a folder holds exactly the listed files with the listed sums and sizes.
verify_folder() {
  folder=$1
  what=$2
  while read -r name sha size; do
    [ -f "$folder/$name" ] || fail "$name is listed in metadata.yaml but missing from $what $folder"
    actual=$(sha256_of "$folder/$name")
    [ "$actual" = "$sha" ] || fail "$name in $what $folder has sha256 $actual but metadata.yaml says $sha (the file is corrupt or was changed)"
    actual=$(size_of "$folder/$name")
    [ "$actual" = "$size" ] || fail "$name in $what $folder has $actual bytes but metadata.yaml says $size"
  done < "$entries"
}

# True when every file we own in the existing run folder equals the one from the ConfigMap.
same_as_config() {
  folder=$1
  for name in $(cut -d ' ' -f 1 "$entries") metadata.yaml; do
    [ -f "$folder/$name" ] || return 1
    cmp -s "$CONFIG_DIR/$name" "$folder/$name" || return 1
  done
  return 0
}

write_managed_block() {
  printf '%s\n' "$BEGIN_MARKER"
  printf '%s\n' "<!-- Written by task-console for task $TASK_ID, attempt $ATTEMPT; edits inside this block are replaced by the next attempt. -->"
  printf '# Current task: %s, attempt %s\n\n' "$TASK_ID" "$ATTEMPT"
  for name in $CORE_FILES; do
    printf '@%s/%s\n' "$run_rel" "$name"
  done
  extras=$(cut -d ' ' -f 1 "$entries" | sort | while read -r name; do
    case " $CORE_FILES " in
      *" $name "*) ;;
      *) case "$name" in *.md) printf ' %s/%s' "$run_rel" "$name" ;; esac ;;
    esac
  done)
  if [ -n "$extras" ]; then
    printf '\nMore files for this task:%s\n' "$extras"
  fi
  if [ -n "${SOURCE_DIR:-}" ]; then
    printf '\nThe service'"'"'s code is checked out in %s (from branch %s).' "$SOURCE_DIR" "${BASE_BRANCH:-main}"
    if [ -n "${AGENT_DIR:-}" ] && [ "$AGENT_DIR" != "$SOURCE_DIR" ]; then
      printf ' Start in %s.' "$AGENT_DIR"
    fi
    printf ' Commit your work to branch %s; do not switch branches or rewrite other branches.\n' "${WORK_BRANCH:-}"
  fi
  printf '%s\n' "$END_MARKER"
}

# Writes CLAUDE.md with a fresh managed block; what a person wrote outside the block stays.
write_claude_md() {
  target="$service_dir/CLAUDE.md"
  next="$scratch/CLAUDE.md"
  block="$scratch/block.md"
  write_managed_block > "$block"
  if [ -f "$target" ]; then
    begins=$(grep -c -F -x "$BEGIN_MARKER" "$target" || true)
    ends=$(grep -c -F -x "$END_MARKER" "$target" || true)
    if [ "$begins" = 0 ] && [ "$ends" = 0 ]; then
      { cat "$target"; [ -s "$target" ] && printf '\n'; cat "$block"; } > "$next"
    elif [ "$begins" = 1 ] && [ "$ends" = 1 ]; then
      awk -v begin="$BEGIN_MARKER" -v end="$END_MARKER" -v blockfile="$block" '
        $0 == begin { while ((getline l < blockfile) > 0) print l; skip = 1; next }
        $0 == end { skip = 0; next }
        !skip { print }
      ' "$target" > "$next"
      begin_line=$(grep -n -F -x "$BEGIN_MARKER" "$target" | cut -d: -f1)
      end_line=$(grep -n -F -x "$END_MARKER" "$target" | cut -d: -f1)
      if [ "$end_line" -lt "$begin_line" ]; then
        fail "$target has its task-console end marker before its begin marker; fix or remove the markers by hand"
      fi
    else
      fail "$target has $begins begin and $ends end task-console markers, expected one of each; fix or remove them by hand"
    fi
  else
    cat "$block" > "$next"
  fi
  if [ -f "$target" ] && cmp -s "$next" "$target"; then
    say "$target already points at $run_rel"
  else
    staged="$service_dir/.CLAUDE.md.task-console.$$"
    cp "$next" "$staged" || fail "cannot write $staged"
    mv -f "$staged" "$target" || fail "cannot replace $target"
    say "wrote the task-console block of $target for $run_rel"
  fi
}

TASK_ID="${TASK_ID:-}"
SERVICE_NAME="${SERVICE_NAME:-}"
ATTEMPT="${ATTEMPT:-}"
is_number "$TASK_ID" || fail "TASK_ID '$TASK_ID' is not a positive integer; set it in the pod's env"
is_number "$ATTEMPT" || fail "ATTEMPT '$ATTEMPT' is not a positive integer; set it in the pod's env"
is_dns_label "$SERVICE_NAME" || fail "SERVICE_NAME '$SERVICE_NAME' is not a DNS-1123 label; set it in the pod's env"
[ -d "$CONFIG_DIR" ] || fail "config folder $CONFIG_DIR does not exist; is the attempt's ConfigMap mounted there?"
[ -d "$WORKSPACE_DIR" ] || fail "workspace folder $WORKSPACE_DIR does not exist; is the service's PVC mounted there?"
[ -f "$CONFIG_DIR/metadata.yaml" ] || fail "metadata.yaml is missing from $CONFIG_DIR; the ConfigMap was not made by task-console"

service_dir="$WORKSPACE_DIR/$SERVICE_NAME"
task_root="$service_dir/.task/$TASK_ID"
run_rel=".task/$TASK_ID/run-$ATTEMPT"
run_dir="$service_dir/$run_rel"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/prepare-workspace.XXXXXX") || fail "cannot create a scratch folder in ${TMPDIR:-/tmp}"
trap 'rm -rf "$scratch"' EXIT
entries="$scratch/entries"
manifest_entries "$CONFIG_DIR/metadata.yaml" > "$entries" || fail "cannot read $CONFIG_DIR/metadata.yaml"
[ -s "$entries" ] || fail "metadata.yaml in $CONFIG_DIR lists no files under 'files:'"
while read -r name sha size; do
  is_file_name "$name" || fail "metadata.yaml in $CONFIG_DIR lists a file named '$name', which is not a plain file name"
  [ "$name" != metadata.yaml ] || fail "metadata.yaml in $CONFIG_DIR lists itself; it must list only the other files"
  case "$sha" in
    *[!0-9a-f]*) fail "metadata.yaml in $CONFIG_DIR gives $name the sha256 '$sha', which is not 64 lower-case hex digits" ;;
  esac
  [ "${#sha}" = 64 ] || fail "metadata.yaml in $CONFIG_DIR gives $name the sha256 '$sha', which is not 64 lower-case hex digits"
  is_number "$size" || [ "$size" = 0 ] || fail "metadata.yaml in $CONFIG_DIR gives $name the size '$size', which is not a number"
done < "$entries"
duplicate=$(cut -d ' ' -f 1 "$entries" | sort | uniq -d | head -n 1)
[ -z "$duplicate" ] || fail "metadata.yaml in $CONFIG_DIR lists $duplicate more than once"
for name in $CORE_FILES; do
  listed "$name" || fail "metadata.yaml in $CONFIG_DIR does not list $name, which every attempt needs"
done

# Files in the mount that the list does not name (ConfigMap mounts keep real files under ..data;
# the * glob skips those dot entries and the visible names resolve through their symlinks).
for path in "$CONFIG_DIR"/*; do
  [ -e "$path" ] || continue
  name=${path##*/}
  [ "$name" = metadata.yaml ] && continue
  listed "$name" || fail "$name is in $CONFIG_DIR but not listed in its metadata.yaml"
done
verify_folder "$CONFIG_DIR" "the config folder"
expected_count=$(($(wc -l < "$entries") + 1))

if [ -d "$run_dir" ]; then
  same_as_config "$run_dir" || fail "$run_dir already exists with different content; refusing to overwrite it (each attempt gets a new number)"
  say "$run_dir already holds this attempt's $expected_count files"
else
  mkdir -p "$task_root" || fail "cannot create $task_root; is the workspace writable by this user?"
  partial="$task_root/.run-$ATTEMPT.partial"
  rm -rf "$partial"
  mkdir "$partial" || fail "cannot create $partial"
  while read -r name sha size; do
    cp "$CONFIG_DIR/$name" "$partial/$name" || fail "cannot copy $name into $partial"
  done < "$entries"
  cp "$CONFIG_DIR/metadata.yaml" "$partial/metadata.yaml" || fail "cannot copy metadata.yaml into $partial"
  copied=$(find "$partial" -type f | wc -l)
  [ "$((copied + 0))" = "$expected_count" ] || fail "copied $((copied + 0)) files into $partial but expected $expected_count"
  verify_folder "$partial" "the copy"
  mv "$partial" "$run_dir" || fail "cannot rename $partial to $run_dir"
  say "copied $expected_count files into $run_dir and checked their sha256"
fi

write_claude_md
