#!/usr/bin/env bash
# JMH micro-benchmarks of the hot paths, without a server: the event JSON both ways (shared-events), the hash chain's
# canonical JSON + SHA-256 (command-service, audit), the reading of one Kafka record (query-service, projection).
# They live in the test sources of the module they measure, so ./mvnw verify compiles them; nothing runs them but this.
#
#   infra/bench/jmh.sh [--quick] [JMH args]     e.g. infra/bench/jmh.sh --quick 'EventHash.*' -prof gc
#
# --quick: 1 fork, 2 warm-up and 3 measured iterations of 1 s (under a minute for all); default: 1 fork, 3 x 2 s
# warm-up, 5 x 2 s measured. A JMH option given here (-f, -i, -rff, ...) replaces the script's.
# The table is printed and kept as text and as JSON under infra/bench/target/jmh/.
set -Eeuo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$REPO_ROOT/infra/bench/target/jmh"
MODULES=(shared-events command-service query-service)

declare -A options=([-f]=1 [-wi]=3 [-w]=2s [-i]=5 [-r]=2s [-foe]=true [-rf]=json)
if [[ "${1:-}" == "--quick" ]]; then
    options+=([-wi]=2 [-w]=1s [-i]=3 [-r]=1s)
    shift
fi

cd "$REPO_ROOT"
mkdir -p "$OUT"

# one reactor build: the modules' tests compiled (JMH's annotation processor generates the harness and
# META-INF/BenchmarkList), and each module's test classpath written to its target/ (a sibling module as its
# target/classes, not a stale jar from the local repository)
echo "Compiling the benchmarks (${MODULES[*]}) ..." >&2
./mvnw -B -q -pl "$(IFS=,; echo "${MODULES[*]}")" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test

# JMH finds its benchmarks in the first META-INF/BenchmarkList on the classpath: one list of all three modules' goes
# first. A fork is started with this JVM's -cp, which is why JMH's own Main runs here rather than through Maven.
rm -rf "$OUT/list" && mkdir -p "$OUT/list/META-INF"
entries=("$OUT/list")
for module in "${MODULES[@]}"; do
    # a copy: others build in the same tree, and a clean or recompile mid-run would take classes from the forks
    mkdir -p "$OUT/classes/$module"
    for dir in classes test-classes; do
        rm -rf "${OUT:?}/classes/$module/$dir" && cp -r "$module/target/$dir" "$OUT/classes/$module/$dir"
    done
    for list in BenchmarkList CompilerHints; do
        if [[ -f "$OUT/classes/$module/test-classes/META-INF/$list" ]]; then
            cat "$OUT/classes/$module/test-classes/META-INF/$list" >>"$OUT/list/META-INF/$list"
        fi
    done
    entries+=("$OUT/classes/$module/test-classes" "$OUT/classes/$module/classes")
    mapfile -t dependencies < <(tr ':' '\n' <"$module/target/jmh.classpath")
    for dependency in "${dependencies[@]}"; do
        for sibling in "${MODULES[@]}"; do
            if [[ "$dependency" == "$REPO_ROOT/$sibling/target/classes" ]]; then
                dependency="$OUT/classes/$sibling/classes"
            fi
        done
        entries+=("$dependency")
    done
done
# the same jar once, in the order first seen (the modules share Spring Boot's versions)
classpath="$(printf '%s\n' "${entries[@]}" | awk 'NF && !seen[$0]++' | paste -sd: -)"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
options[-rff]="$OUT/jmh-$stamp.json"
# JMH refuses an option given twice: one given on the command line replaces ours
for arg in "$@"; do
    unset "options[$arg]" 2>/dev/null || true
done
ours=()
for option in "${!options[@]}"; do
    ours+=("$option" "${options[$option]}")
done
echo "$(date -u +%FT%TZ) load average: $(cat /proc/loadavg) cores: $(nproc)" | tee "$OUT/jmh-$stamp.txt"
java -cp "$classpath" org.openjdk.jmh.Main \
    "${ours[@]}" "$@" | tee -a "$OUT/jmh-$stamp.txt"
cp "$OUT/jmh-$stamp.txt" "$OUT/jmh-latest.txt"
# none for -l, -h and the like, which run nothing
if [[ -f "$OUT/jmh-$stamp.json" ]]; then
    cp "$OUT/jmh-$stamp.json" "$OUT/jmh-latest.json"
    echo "Results: $OUT/jmh-$stamp.json (and jmh-latest.json)" >&2
fi
