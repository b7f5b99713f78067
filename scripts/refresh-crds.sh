#!/usr/bin/env bash
# Copies the CRDs the build generates from the API classes (operator/target/kubernetes/*-v1.yml) into the
# chart (helm/kube-dc-net/files/crds/). HelmChartDriftIT fails the build when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests -pl operator -am
for f in operator/target/kubernetes/*.kube-dc.com-v1.yml; do
  cp "$f" helm/kube-dc-net/files/crds/
done
echo "helm/kube-dc-net/files/crds refreshed"
