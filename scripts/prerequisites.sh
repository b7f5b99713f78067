#!/usr/bin/env bash
# Installs what the build needs on a fresh Debian machine, only when missing: JDK 17, Maven, and
# OVN's central tools (ovsdb-server, ovn-nbctl and the NB schema) for the OVN NB tests and the sandbox.
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
