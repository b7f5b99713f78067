#!/usr/bin/env bash
# Builds etcd, kube-apiserver and kube-controller-manager (for garbage collection and namespace
# deletion) from the Go modules in testkit/apiserver/ into a cache folder outside the work tree,
# keyed by their versions, and prints that folder; reused when present. The first build downloads
# the modules and compiles for several minutes (about 8 on 2 cores); later runs return at once.
# Cache root: KUBE_DC_BINARIES (default ~/.cache/kube-dc-net). Progress goes to stderr.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mods="$here/testkit/apiserver"
k8s=$(awk '$1=="require" && $2=="k8s.io/kubernetes" {print $3}' "$mods/kube-apiserver/go.mod")
etcd=$(awk '$1=="require" && $2=="go.etcd.io/etcd/server/v3" {print $3}' "$mods/etcd/go.mod")
out="${KUBE_DC_BINARIES:-$HOME/.cache/kube-dc-net}/k8s/${k8s#v}-etcd-${etcd#v}"
bins=(etcd kube-apiserver kube-controller-manager)
# the Kubernetes binaries report the module's version (Helm's kubeVersion checks and kubectl read it)
stamped() { "$1" --version 2>/dev/null | grep -qx "Kubernetes $k8s"; }
complete() {
  for b in "${bins[@]}"; do [ -x "$out/$b" ] || return 1; done
  stamped "$out/kube-apiserver" && stamped "$out/kube-controller-manager"
}
if complete; then echo "$out"; exit 0; fi
command -v go >/dev/null 2>&1 || { echo "Go is needed to build kube-apiserver and etcd (apt-get install golang-go, or go.dev)" >&2; exit 1; }
echo "building etcd $etcd, kube-apiserver and kube-controller-manager $k8s into $out (first time only; takes minutes)" >&2
mkdir -p "$out.tmp"
# an earlier, complete build whose Kubernetes binaries lack the version stamp: keep its etcd
if [ -x "$out/etcd" ] && [ ! -x "$out.tmp/etcd" ]; then cp "$out/etcd" "$out.tmp/etcd"; fi
build() { (cd "$1" && CGO_ENABLED=0 go build -buildvcs=false -trimpath -ldflags="-s -w $4" -o "$out.tmp/$2" "$3") >&2; }
minor=${k8s#v1.}; minor=${minor%%.*}
v=k8s.io/component-base/version
stamp="-X $v.gitVersion=$k8s -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean"
[ -x "$out.tmp/etcd" ] || build "$mods/etcd" etcd . ""
for b in kube-apiserver kube-controller-manager; do
  if ! { [ -x "$out.tmp/$b" ] && stamped "$out.tmp/$b"; }; then
    build "$mods/kube-apiserver" "$b" "k8s.io/kubernetes/cmd/$b" "$stamp"
  fi
done
rm -rf "$out" && mv "$out.tmp" "$out"
echo "$out"
