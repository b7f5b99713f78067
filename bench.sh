#!/usr/bin/env bash
# Convergence benchmark (not a test): for each N, a fresh sandbox converges N cloud Projects, then
# K EIps and K FIps per Project; prints times to Ready, controller writes per object, the ratio to
# two raw-write floors (recorded writes replayed by a plain HTTP loop on a fresh server of the same
# kind: the controller's writes alone, and all writes of the run: the user's creates, the
# controller's and the Kube-OVN emulator's), live heap and RSS of the operator's own JVM (the packaged operator, run as its own
# process with the JVM options in KUBE_DC_OPERATOR_JAVA_OPTS; the emulators and the API server are
# other processes). Runs on the real API server; MOCK=1 runs on the mock for comparison.
#   ./bench.sh              # N = 100 500 1000, K = 2
#   K=0 ./bench.sh 100 200  # Projects only
#   FLOORS=0 ./bench.sh 1000 2000  # without the two floor replays (they take longer than the run)
#   ./bench.sh services 100 1000   # N LoadBalancer Services programmed into the sandbox's OVN NB
#   ./bench.sh routes 100 1000     # N gateway routes published (1 in 20 https)
#   ./bench.sh memory 1000 5000 [N2 M2 ...]  # N Projects + M (may be 0) LoadBalancer Services converged: the operator's heap after GC, RSS, objects held
#   STARTS=3 ./bench.sh memory 1000 5000     # ... then the operator restarted 3 times on that cluster: time to ready, threads
#   ./bench.sh startup 5           # the operator started 5 times on an empty cluster: time to ready, CPU, threads, RSS, machine speed
#   KUBE_DC_SANDBOX_BENCHMARK_STARTUP_VARIANTS='|-XX:InitialRAMPercentage=20' STARTS=4 ./bench.sh memory 1000 0
#                                  # starts alternate between JVM option sets ('' = as shipped), compared on one cluster;
#                                  # KUBE_DC_SANDBOX_BENCHMARK_IDLE=1 shortens the 65 s idle wait after each start
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
mvn -B -ntp -q package -DskipTests
# run copies, so that a build during the benchmark does not change the jars under it
mkdir -p target && rm -rf target/bench-app target/bench-sandbox
cp -r operator/target/quarkus-app target/bench-app
# the archive of the classes loaded at start, as the image makes it (valid only where it was written)
rm -f target/bench-app/app-cds.jsa
# (Quarkus stops after its start-up steps; a server it could reach is not given, and a start that went on anyway is stopped)
(cd target/bench-app && timeout 120 java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -Dquarkus.kubernetes-client.api-server-url=https://127.0.0.1:1 -Dquarkus.operator-sdk.cache-sync-timeout=1s -jar quarkus-run.jar >/dev/null 2>&1) || true
[ -s target/bench-app/app-cds.jsa ] || { echo "could not write the class archive target/bench-app/app-cds.jsa" >&2; exit 1; }
mkdir target/bench-sandbox && cp -r sandbox/target/kube-dc-net-sandbox.jar sandbox/target/lib target/bench-sandbox/
run() { java -Dkube-dc.sandbox.operator-jar=target/bench-app/quarkus-run.jar -Dkube-dc.sandbox.mock=$mock -Dkube-dc.sandbox.port=0 \
  -Dquarkus.http.port=0 -Dquarkus.log.level=WARN "$@" -jar target/bench-sandbox/kube-dc-net-sandbox.jar 2>/dev/null; }
# The operator runs with the JVM options the chart ships (its value jvmOptions) and, as its
# container would, sees the chart's memory limit as the machine's memory (-XX:MaxRAM), the
# archive of its classes (-XX:SharedArchiveFile) and MALLOC_ARENA_MAX=2, as the image sets them.
# KUBE_DC_OPERATOR_JAVA_OPTS replaces these options.
values=helm/kube-dc-net/values.yaml
limit=$(sed -n '/^  limits:/,/memory:/s/^ *memory: *\([0-9]*\)Mi.*/\1/p' $values)
export KUBE_DC_OPERATOR_JAVA_OPTS="${KUBE_DC_OPERATOR_JAVA_OPTS-$(sed -n 's/^jvmOptions: *"\(.*\)"/\1/p' $values) -XX:MaxRAM=${limit}m -XX:SharedArchiveFile=$PWD/target/bench-app/app-cds.jsa}"
export MALLOC_ARENA_MAX=2
echo "operator JVM options: $KUBE_DC_OPERATOR_JAVA_OPTS" >&2
k="${K:-2}"
mock=$([ "${MOCK:-0}" = 1 ] && echo true || echo false)
if [ "${1:-}" = memory ]; then
  shift
  echo "kube-dc-net memory benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), API server: $([ "$mock" = true ] && echo mock || echo real), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  first=1
  rm -f target/bench-startup.log
  while [ $# -ge 2 ]; do
    out=$(java -Dkube-dc.sandbox.operator-jar=target/bench-app/quarkus-run.jar -Dkube-dc.sandbox.mock=$mock -Dkube-dc.sandbox.port=0 \
          -Dquarkus.http.port=0 -Dkube-dc.sandbox.benchmark-memory=true -Dkube-dc.sandbox.benchmark="$1" -Dkube-dc.sandbox.benchmark-services="$2" \
          -Dkube-dc.sandbox.benchmark-startup="${STARTS:-0}" \
          -jar target/bench-sandbox/kube-dc-net-sandbox.jar 2>target/bench-memory-$1-$2.log) \
          || { echo "N=$1 M=$2 failed (target/bench-memory-$1-$2.log and its output):"; echo "$out" > "target/bench-memory-$1-$2.out"; grep -v '^\s*at \|^|' "target/bench-memory-$1-$2.out" | grep -i 'exception\|error' | head -8; tail -5 "target/bench-memory-$1-$2.log"; }
    if [ $first -eq 1 ]; then echo "$out" | grep '^|' || true; first=0; else echo "$out" | grep '^| [0-9]' || true; fi
    shift 2
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
if [ "${1:-}" = startup ]; then
  echo "kube-dc-net start-up benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), API server: $([ "$mock" = true ] && echo mock || echo real), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -f target/bench-startup.log
  # the operator logs at INFO here: its "started in" line is read from target/bench-startup.log
  java -Dkube-dc.sandbox.operator-jar=target/bench-app/quarkus-run.jar -Dkube-dc.sandbox.mock=$mock -Dkube-dc.sandbox.port=0 \
    -Dquarkus.http.port=0 -Dkube-dc.sandbox.benchmark-startup="${2:-5}" -jar target/bench-sandbox/kube-dc-net-sandbox.jar 2>/dev/null | grep '^|'
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
if [ "${1:-}" = services ] || [ "${1:-}" = routes ]; then
  what="$1"; shift
  prop=$([ "$what" = services ] && echo benchmark-services || echo benchmark-routes)
  rm -f target/bench-breakdown.txt
  sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100 1000)
  echo "kube-dc-net $what benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), API server: $([ "$mock" = true ] && echo mock || echo real)"
  first=1
  for n in "${sizes[@]}"; do
    out=$(run -Dkube-dc.sandbox.$prop="$n")
    if [ $first -eq 1 ]; then echo "$out" | grep '^|' ; first=0; else echo "$out" | grep '^| [0-9]'; fi
    echo "$out" | grep '^API writes' | sed "s/^/    N=$n: /" >> target/bench-breakdown.txt
  done
  echo; cat target/bench-breakdown.txt
  exit 0
fi
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100 500 1000)
echo "kube-dc-net convergence benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), K=$k, API server: $([ "$mock" = true ] && echo mock || echo real)"
first=1
rm -f target/bench-breakdown.txt
for n in "${sizes[@]}"; do
  out=$(run -Dkube-dc.sandbox.benchmark="$n" -Dkube-dc.sandbox.benchmark-addresses="$k" \
    -Dkube-dc.sandbox.benchmark-floors="$([ "${FLOORS:-1}" = 0 ] && echo false || echo true)")
  if [ $first -eq 1 ]; then echo "$out" | grep '^|' ; first=0; else echo "$out" | grep '^| [0-9]'; fi
  echo "$out" | grep '^writes ' | sed "s/^/    N=$n: /" >> target/bench-breakdown.txt
done
echo; cat target/bench-breakdown.txt
