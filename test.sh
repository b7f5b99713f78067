#!/usr/bin/env bash
# Runs every test: pure desired-state tests, reconciler tests on the in-process mock API server
# with the Kube-OVN emulator, CRD/CEL checks, and the Helm chart drift check (mvn verify).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
exec mvn -B -ntp verify "$@"
