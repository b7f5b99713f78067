#!/usr/bin/env bash
# Installs what the build needs on a fresh Debian machine, only when missing: JDK 17, Maven, OVN's
# central tools (ovsdb-server, ovn-nbctl and the NB schema) for the OVN NB tests and the sandbox;
# then builds the real API server's binaries (etcd, kube-apiserver, kube-controller-manager) from
# Go modules into ~/.cache/kube-dc-net (the first time takes about 11 minutes; cached afterwards).
# Set KUBE_DC_SKIP_APISERVER=1 to skip that build (the sandbox then falls back to the mock server).
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
{ command -v ovsdb-server && command -v ovn-nbctl && [ -f /usr/share/ovn/ovn-nb.ovsschema ]; } >/dev/null 2>&1 || need+=(ovn-central)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi
if [ "${KUBE_DC_SKIP_APISERVER:-0}" != 1 ]; then
  if command -v go >/dev/null 2>&1; then
    "$(dirname "$0")/build-apiserver.sh" >/dev/null
  else
    echo "Go is not installed, so kube-apiserver/etcd are not built: the sandbox uses KUBEBUILDER_ASSETS or falls back" \
         "to the mock server; the tests need them (install Go 1.24 or newer)" >&2
  fi
fi
