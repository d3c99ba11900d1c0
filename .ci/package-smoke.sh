#!/usr/bin/env bash
# CI: build the jpackage app-image (trimmed runtime, JavaFX natives beside the jar, AppCDS archive)
# and start it with --smoke-test on the X server that .ci/run started, so a packaging break fails CI.
# Reuses target/task-console.jar when `mvn verify` already built it. Needs DISPLAY.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DISPLAY:-}" ]; then
  echo "package-smoke: DISPLAY is not set; run it from .ci/run (which starts Xvfb) or start Xvfb yourself" >&2
  exit 1
fi

start=$(date +%s)
# -Djpackage.installers=false: the app-image only; the .deb is built by `mvn -Ppackage package`.
# Reusing the shaded jar of the preceding `mvn verify`, only the package profile's own steps run: the
# third-party notices, the completion scripts and man pages, then jpackage. Without a jar, package first.
if [ -f target/task-console.jar ]; then
  mvn -q -Ppackage -Djpackage.installers=false license:add-third-party@third-party antrun:run@cli-docs \
    asciidoctor:process-asciidoc@man-pages antrun:run@jpackage
else
  mvn -q -Ppackage -Djpackage.installers=false -DskipTests package
fi

image=target/jpackage/task-console/image/TaskConsole
launcher=$image/bin/TaskConsole
[ -x "$launcher" ] || { echo "package-smoke: $launcher was not built" >&2; exit 1; }
# What the installers link into /usr, and the notices every installer carries.
for f in lib/app/share/man/man1/task-console.1.gz lib/app/share/man/man1/task-console-submit.1.gz \
    lib/app/share/bash-completion/completions/task-console lib/app/share/fish/vendor_completions.d/task-console.fish \
    lib/app/LICENSE lib/app/THIRD-PARTY.txt; do
  [ -s "$image/$f" ] || { echo "package-smoke: $image/$f is missing or empty" >&2; exit 1; }
done
[ -f target/jpackage/task-console/image/TaskConsole/lib/app/task-console.jsa ] \
  || { echo "package-smoke: the AppCDS archive was not built" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
set +e
# Java 17 takes user.home from the password database, not from $HOME: pass it as well.
HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" timeout 120 "$launcher" --smoke-test >"$home/smoke.log" 2>&1
code=$?
set -e
cat "$home/smoke.log"
if [ "$code" -ne 0 ]; then
  echo "package-smoke: the packaged app's --smoke-test exited with $code" >&2
  exit 1
fi
if [ ! -d "$home/TaskConsole/tasks" ]; then
  echo "package-smoke: the smoke test did not use its own home $home (no TaskConsole/tasks there)" >&2
  exit 1
fi
if [ -e "$home/.openjfx" ]; then
  echo "package-smoke: JavaFX unpacked native libraries to ~/.openjfx: the libraries beside the jar were not used" >&2
  exit 1
fi
# The CLI through the same launcher: its version, and a completion script naming every command.
HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" "$launcher" --version 2>/dev/null | grep -q '^task-console ' \
  || { echo "package-smoke: '$launcher --version' did not print the version" >&2; exit 1; }
echo "package-smoke: app-image built and --smoke-test passed in $(( $(date +%s) - start )) s"
