#!/usr/bin/env bash
# Runs the controller in the embedded sandbox: in-process API server, Kube-OVN emulator, the
# seed's external networks and examples/ applied. Prints a summary, then keeps running; use
# kubectl with the kubeconfig it prints. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml examples -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  mvn -B -ntp -q package -DskipTests
fi
exec java -Dkube-dc.sandbox.enabled=true -jar target/quarkus-app/quarkus-run.jar "$@"
