#!/usr/bin/env bash
# Copies the chart the build generates (target/helm/kubernetes/kube-dc-net) over the committed one
# (helm/kube-dc-net). HelmChartDriftIT fails the build when the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
rm -rf helm/kube-dc-net
mkdir -p helm
cp -r target/helm/kubernetes/kube-dc-net helm/kube-dc-net
echo "helm/kube-dc-net refreshed"
