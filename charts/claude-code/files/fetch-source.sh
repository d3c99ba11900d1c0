#!/bin/sh
# fetch-source: the init container that puts the service's code into the workspace.
#
# First attempt of a service: clones $REPO_URL (branch $BASE_BRANCH, $FETCH_DEPTH commits; 0 is the
# whole history) into $WORKSPACE_DIR/$SERVICE_NAME/src. Later attempts fetch the base branch again.
# Nothing of a previous attempt is lost: uncommitted changes are committed on the branch they were
# made on (task-{id}/run-{n}) before switching. Each attempt works on its own branch
# task-$TASK_ID/run-$ATTEMPT, made from origin/$BASE_BRANCH, or from the previous attempt's branch
# when CONTINUE_FROM is "previous". A rerun of the same attempt keeps its branch as it is.
#
# Credentials (optional) are files in $GIT_CREDENTIALS_DIR, a Secret mounted read-only into this
# container only: `token` (HTTPS, handed to git by GIT_ASKPASS, never in a URL or on a command line;
# `username` optional) or `ssh-privatekey` and `known_hosts` (SSH, strict host key checking).
#
# Environment: TASK_ID, SERVICE_NAME, ATTEMPT, REPO_URL (required); BASE_BRANCH (default main);
# FETCH_DEPTH (default 1); CONTINUE_FROM (base | previous); PREVIOUS_ATTEMPT; WORKSPACE_DIR
# (default /workspace); TMPDIR (default /tmp). Every failure is one line on stderr naming the
# cause, and exit status 1.

set -eu

WORKSPACE_DIR="${WORKSPACE_DIR:-/workspace}"
TMPDIR="${TMPDIR:-/tmp}"
BASE_BRANCH="${BASE_BRANCH:-main}"
FETCH_DEPTH="${FETCH_DEPTH:-1}"
CONTINUE_FROM="${CONTINUE_FROM:-base}"
GIT_CREDENTIALS_DIR="${GIT_CREDENTIALS_DIR:-}"

fail() {
  printf 'fetch-source: %s\n' "$*" >&2
  exit 1
}

say() {
  printf 'fetch-source: %s\n' "$*"
}

is_number() {
  case "$1" in
    '' | *[!0-9]*) return 1 ;;
    *) return 0 ;;
  esac
}

is_number "${TASK_ID:-}" || fail "TASK_ID must be a positive integer"
is_number "${ATTEMPT:-}" || fail "ATTEMPT must be a positive integer"
case "${SERVICE_NAME:-}" in
  '' | -* | *[!a-z0-9-]*) fail "SERVICE_NAME must be a DNS-1123 label" ;;
esac
[ -n "${REPO_URL:-}" ] || fail "REPO_URL is empty: set repository.url"
is_number "$FETCH_DEPTH" || fail "FETCH_DEPTH must be a number (0: the whole history)"
case "$CONTINUE_FROM" in
  base | previous) ;;
  *) fail "CONTINUE_FROM must be base or previous, not '$CONTINUE_FROM'" ;;
esac

src="$WORKSPACE_DIR/$SERVICE_NAME/src"
work_branch="task-$TASK_ID/run-$ATTEMPT"
scratch=$(mktemp -d "$TMPDIR/fetch-source.XXXXXX") || fail "disk full or $TMPDIR not writable: cannot make a scratch folder"
trap 'rm -rf "$scratch"' EXIT
errors="$scratch/git-errors"

# git gets a home of its own: no user config, no prompts, and commits by a named author.
export HOME="$scratch"
export GIT_TERMINAL_PROMPT=0
export GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="task-console" GIT_AUTHOR_EMAIL="task-console@localhost"
export GIT_COMMITTER_NAME="task-console" GIT_COMMITTER_EMAIL="task-console@localhost"

if [ -n "$GIT_CREDENTIALS_DIR" ] && [ -f "$GIT_CREDENTIALS_DIR/token" ]; then
  # git asks this program for the user name and the password; it reads the token from the mounted
  # file, so the token is in no argument list and no URL.
  askpass="$scratch/askpass"
  cat > "$askpass" <<'ASKPASS'
#!/bin/sh
case "$1" in
  Username*)
    if [ -f "$GIT_CREDENTIALS_DIR/username" ]; then cat "$GIT_CREDENTIALS_DIR/username"; else echo x-access-token; fi ;;
  *) cat "$GIT_CREDENTIALS_DIR/token" ;;
esac
ASKPASS
  chmod 700 "$askpass"
  export GIT_ASKPASS="$askpass" GIT_CREDENTIALS_DIR
fi
if [ -n "$GIT_CREDENTIALS_DIR" ] && [ -f "$GIT_CREDENTIALS_DIR/ssh-privatekey" ]; then
  [ -f "$GIT_CREDENTIALS_DIR/known_hosts" ] || fail "host key missing: the credentials Secret has ssh-privatekey but no known_hosts (add it with ssh-keyscan output)"
  export GIT_SSH_COMMAND="ssh -i $GIT_CREDENTIALS_DIR/ssh-privatekey -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$GIT_CREDENTIALS_DIR/known_hosts -o BatchMode=yes"
fi

# Runs git; on failure names the cause in one line, from what git wrote.
run_git() {
  if git "$@" 2> "$errors"; then
    return 0
  fi
  detail=$(grep -m 1 '^fatal:' "$errors" || grep -v '^hint:' "$errors" | grep . | tail -n 1)
  detail=$(printf '%s' "$detail" | cut -c 1-300)
  cause="git $1 failed"
  if grep -qi 'no space left' "$errors"; then
    cause="disk full"
  elif grep -qiE 'host key verification failed|remote host identification has changed' "$errors"; then
    cause="host key mismatch"
  elif grep -qiE 'remote branch .* not found|couldn.t find remote ref' "$errors"; then
    cause="branch missing: '$BASE_BRANCH' is not a branch of the repository"
  elif grep -qiE 'authentication failed|could not read (username|password)|permission denied \(publickey|returned error: 40[13]|invalid username or password|terminal prompts disabled' "$errors"; then
    cause="authentication failed: check the token or deploy key in the credentials Secret (git.credentialsSecret)"
  elif grep -qiE 'repository .*not found|does not appear to be a git repository|returned error: 404|not found' "$errors"; then
    cause="repository not found: check repository.url"
  elif grep -qiE 'could not resolve host|connection refused|network is unreachable|timed out|failed to connect|no route to host|unable to access' "$errors"; then
    cause="network unreachable"
  fi
  fail "$cause ($detail)"
}

depth_args() {
  if [ "$FETCH_DEPTH" -gt 0 ]; then
    printf -- '--depth=%s\n' "$FETCH_DEPTH"
  fi
}

if [ ! -d "$src/.git" ]; then
  mkdir -p "$WORKSPACE_DIR/$SERVICE_NAME" 2> /dev/null || fail "disk full or workspace not writable: cannot make $WORKSPACE_DIR/$SERVICE_NAME"
  if [ -e "$src" ] && [ -n "$(ls -A "$src")" ]; then
    fail "$src exists but is not a git work tree: move it away, then retry"
  fi
  say "cloning $REPO_URL (branch $BASE_BRANCH) into $src"
  # shellcheck disable=SC2046 # depth_args prints zero or one word
  run_git clone --quiet --no-tags $(depth_args) --branch "$BASE_BRANCH" -- "$REPO_URL" "$src"
  cd "$src"
else
  cd "$src"
  current=$(git symbolic-ref --short -q HEAD || true)
  if [ -n "$(git status --porcelain)" ]; then
    case "$current" in
      task-*/run-*) keep="$current" ;;
      *)
        previous="${PREVIOUS_ATTEMPT:-$((ATTEMPT - 1))}"
        keep="task-$TASK_ID/run-$previous"
        run_git checkout --quiet -B "$keep"
        ;;
    esac
    run_git add --all
    run_git commit --quiet --no-verify -m "Work left uncommitted on $keep, saved by task-console before attempt $ATTEMPT of task $TASK_ID"
    say "committed the uncommitted work on $keep"
  fi
  say "fetching $BASE_BRANCH"
  # shellcheck disable=SC2046 # depth_args prints zero or one word
  run_git fetch --quiet --no-tags $(depth_args) origin "+refs/heads/$BASE_BRANCH:refs/remotes/origin/$BASE_BRANCH"
fi

if git show-ref --verify --quiet "refs/heads/$work_branch"; then
  say "attempt $ATTEMPT already has its branch $work_branch: keeping it"
  run_git checkout --quiet "$work_branch"
else
  start="origin/$BASE_BRANCH"
  if [ "$CONTINUE_FROM" = previous ]; then
    previous="${PREVIOUS_ATTEMPT:-$((ATTEMPT - 1))}"
    start="task-$TASK_ID/run-$previous"
    git show-ref --verify --quiet "refs/heads/$start" || fail "branch missing: continueFrom is previous but $start does not exist in $src"
  fi
  run_git checkout --quiet -b "$work_branch" "$start"
  say "attempt $ATTEMPT works on $work_branch, from $start"
fi
