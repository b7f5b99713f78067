#!/usr/bin/env bash
# Runs the controller in the sandbox: an API server (a real kube-apiserver + etcd where
# ./scripts/prerequisites.sh could build them, fabric8's mock otherwise), the Kube-OVN and Gateway
# emulators, a local OVN NB, the packaged operator (operator/target/quarkus-app, what the images
# ship) as its own process against them, and examples/ applied. Prints a summary, then keeps running;
# use kubectl with the kubeconfig it prints. Ctrl-C stops everything.
# The first run installs and builds what is missing (about 11 minutes for the API server binaries,
# cached in ~/.cache/kube-dc-net; a minute or two for the Maven build).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
app=operator/target/quarkus-app/quarkus-run.jar
launcher=sandbox/target/kube-dc-net-sandbox.jar
if [ ! -f "$app" ] || [ ! -f "$launcher" ] \
   || [ -n "$(find pom.xml api operator testkit sandbox examples -path '*/target' -prune -o -newer "$launcher" -type f -print -quit)" ]; then
  mvn -B -ntp -q package -DskipTests
fi
exec java ${SANDBOX_JAVA_OPTS:-} -jar "$launcher" "$@"
