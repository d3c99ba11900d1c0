#!/bin/sh
# Finishes the .deb that jpackage made, with what jpackage cannot put into a package that installs
# into /opt:
#  - /usr/bin/task-console, the man pages and the bash and fish completion in /usr, as links into
#    /opt/task-console (files of the package, so dpkg removes them with it);
#  - Debian's copyright and changelog in /usr/share/doc/task-console, and lintian's overrides;
#  - native libraries without their symbol tables, and no executable bit on a shared library.
# Called by packaging/jpackage.xml. Usage: finish-deb.sh DEB RESOURCE_DIR
set -eu

deb=$1
resources=$2
app=/opt/task-console
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
dpkg-deb -R "$deb" "$root"

mkdir -p "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" \
  "$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/task-console" "$root/usr/share/lintian/overrides"
ln -s "$app/bin/TaskConsole" "$root/usr/bin/task-console"
for page in "$root$app"/lib/app/share/man/man1/*.1.gz; do
  ln -s "$app/lib/app/share/man/man1/${page##*/}" "$root/usr/share/man/man1/${page##*/}"
done
ln -s "$app/lib/app/share/bash-completion/completions/task-console" \
  "$root/usr/share/bash-completion/completions/task-console"
ln -s "$app/lib/app/share/fish/vendor_completions.d/task-console.fish" \
  "$root/usr/share/fish/vendor_completions.d/task-console.fish"

# jpackage writes the copyright (packaging/linux/copyright) under /opt; Debian looks for it here.
mv "$root$app/share/doc/copyright" "$root/usr/share/doc/task-console/copyright"
rmdir "$root$app/share/doc" "$root$app/share"
version=$(dpkg-deb -f "$deb" Version)
maintainer=$(dpkg-deb -f "$deb" Maintainer)
when=$(if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then date -R -d "@$SOURCE_DATE_EPOCH"; else date -R; fi)
{
  printf 'task-console (%s) unstable; urgency=medium\n\n' "$version"
  printf '  * Packaged by jpackage; the changes are in the project history.\n\n'
  printf ' -- %s  %s\n' "$maintainer" "$when"
} | gzip -9n > "$root/usr/share/doc/task-console/changelog.Debian.gz"
install -m 644 "$resources/lintian-overrides" "$root/usr/share/lintian/overrides/task-console"

# The launcher and the JDK's and JavaFX's libraries come with symbol tables the program never reads.
find "$root$app" -type f \( -name '*.so' -o -path "$root$app/bin/*" -o -path "*/lib/runtime/bin/*" -o -name jspawnhelper \
  -o -name jexec \) \
  -exec strip --strip-unneeded {} +
chmod 644 "$root$app/lib/libapplauncher.so"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$root" "$deb" >/dev/null
