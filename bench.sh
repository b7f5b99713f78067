#!/usr/bin/env bash
# Convergence benchmark (not a test): for each N, a fresh sandbox converges N cloud Projects; prints
# time to all Ready, controller writes per Project, the ratio to the raw-write floor, heap and RSS.
#   ./bench.sh            # N = 100 500 1000
#   ./bench.sh 100 200
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
mvn -B -ntp -q package -DskipTests
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100 500 1000)
echo "kube-dc-net convergence benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
first=1
rm -f target/bench-breakdown.txt
for n in "${sizes[@]}"; do
  out=$(java -Xmx2g -Dkube-dc.sandbox.enabled=true -Dkube-dc.sandbox.port=0 -Dquarkus.http.port=0 \
        -Dkube-dc.sandbox.benchmark="$n" -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar 2>/dev/null)
  if [ $first -eq 1 ]; then echo "$out" | grep '^|' ; first=0; else echo "$out" | grep '^| [0-9]'; fi
  echo "$out" | grep '^writes per Project' | sed "s/^/    N=$n: /" >> target/bench-breakdown.txt
done
echo; cat target/bench-breakdown.txt
