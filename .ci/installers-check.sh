#!/usr/bin/env bash
# Checks the Linux installers that `mvn -Ppackage package` made in target/jpackage/installers:
#  .deb: lintian reports no errors (its warnings are listed in docs/installing.md), and the package
#        has the task-console command, its man pages and completion in /usr, LICENSE and THIRD-PARTY.txt;
#  .rpm: the same files (rpm -qlp), then installed into a scratch root (rpm -i --nodeps --noscripts
#        --root) whose launcher prints the version and passes --smoke-test (needs DISPLAY).
# The .deb's size stays within 60 MB. Run as any user; nothing is installed on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=target/jpackage/installers
deb=$(ls "$dir"/task-console_*.deb)
rpm=$(ls "$dir"/task-console-*.rpm)
fail() { echo "installers-check: $*" >&2; exit 1; }

expected=(/usr/bin/task-console /usr/share/man/man1/task-console.1.gz /usr/share/man/man1/task-console-submit.1.gz
  /usr/share/bash-completion/completions/task-console /usr/share/fish/vendor_completions.d/task-console.fish
  /opt/task-console/lib/app/LICENSE /opt/task-console/lib/app/THIRD-PARTY.txt /opt/task-console/bin/TaskConsole)

# --- .deb
size=$(stat -c %s "$deb")
[ "$size" -le 60000000 ] || fail "$deb is $size bytes, more than 60 MB"
listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\.##')
for f in "${expected[@]}" /usr/share/doc/task-console/copyright; do
  grep -qx "$f" <<<"$listing" || fail "$deb has no $f"
done
if command -v lintian >/dev/null 2>&1; then
  lintian --fail-on error "$deb" || fail "lintian reports errors in $deb"
else
  fail "lintian is not installed"
fi

# --- .rpm
listing=$(rpm -qlp "$rpm" 2>/dev/null)
for f in "${expected[@]}" /usr/share/licenses/task-console-*/LICENSE; do
  # The licence folder's name carries the version: "*" matches it.
  grep -q "^${f//\*/.*}\$" <<<"$listing" || fail "$rpm has no $f"
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rpm --root "$scratch/root" --initdb
rpm -i --nodeps --noscripts --root "$scratch/root" "$rpm" 2> >(grep -v 'use Alien\|know what you are doing' >&2)
[ "$(readlink "$scratch/root/usr/bin/task-console")" = /opt/task-console/bin/TaskConsole ] \
  || fail "the .rpm's /usr/bin/task-console does not point at the launcher"
launcher=$scratch/root/opt/task-console/bin/TaskConsole
mkdir -p "$scratch/home"
HOME="$scratch/home" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home" "$launcher" --version 2>/dev/null | grep -q '^task-console ' \
  || fail "the .rpm's launcher did not print its version"
if [ -n "${DISPLAY:-}" ]; then
  HOME="$scratch/home" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home" timeout 120 "$launcher" --smoke-test \
    >"$scratch/smoke.log" 2>&1 || { cat "$scratch/smoke.log"; fail "the .rpm's launcher failed --smoke-test"; }
  tail -1 "$scratch/smoke.log"
else
  echo "installers-check: DISPLAY is not set; the .rpm's --smoke-test was skipped" >&2
fi
echo "installers-check: $(basename "$deb") ($(( size / 1000000 )) MB, lintian without errors) and $(basename "$rpm") are complete"
