#!/usr/bin/env bash
# Runs every test (mvn verify): pure desired-state tests, reconciler tests on a real API server
# (etcd + kube-apiserver + kube-controller-manager, built once by scripts/build-apiserver.sh through
# the prerequisites: about 11 minutes the first time, cached in ~/.cache/kube-dc-net) with the
# Kube-OVN and Gateway emulators and a real OVN NB, tests of what only a real server enforces,
# CRD/CEL checks, the Helm chart rendered, linted and installed (with the packaged controller run
# under the chart's settings), the CRD and RBAC drift checks, and the fault tests (the packaged
# controller killed, its API server restarted; docs/reliability.md).
#   ./test.sh          every tier (what CI runs)
#   ./test.sh unit     the pure tests only (no server process, no API server binaries): seconds of tests
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = unit ]; then
  shift
  command -v mvn >/dev/null 2>&1 || ./scripts/prerequisites.sh
  exec mvn -B -ntp test -pl api,operator -am -DexcludedGroups=server "$@"
fi
./scripts/prerequisites.sh
exec mvn -B -ntp verify "$@"
