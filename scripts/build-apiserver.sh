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
complete() { for b in "${bins[@]}"; do [ -x "$out/$b" ] || return 1; done; }
if complete; then echo "$out"; exit 0; fi
command -v go >/dev/null 2>&1 || { echo "Go is needed to build kube-apiserver and etcd (apt-get install golang-go, or go.dev)" >&2; exit 1; }
echo "building etcd $etcd, kube-apiserver and kube-controller-manager $k8s into $out (first time only; takes minutes)" >&2
mkdir -p "$out.tmp"
build() { (cd "$1" && CGO_ENABLED=0 go build -buildvcs=false -trimpath -ldflags='-s -w' -o "$out.tmp/$2" "$3") >&2; }
[ -x "$out.tmp/etcd" ] || build "$mods/etcd" etcd .
for b in kube-apiserver kube-controller-manager; do
  [ -x "$out.tmp/$b" ] || build "$mods/kube-apiserver" "$b" "k8s.io/kubernetes/cmd/$b"
done
rm -rf "$out" && mv "$out.tmp" "$out"
echo "$out"
