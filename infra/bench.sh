#!/usr/bin/env bash
# The benchmark: starts a stack of its own (beside the local one: other ports, other databases, another run
# directory), runs the scenarios of infra/bench against it and the raw engines under it, prints the table and stops
# the stack again. A full run writes the table into docs/benchmarks.md. Usage: infra/bench.sh --help.
set -Eeuo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
BENCH_DIR="$SCRIPT_DIR/bench"

usage() {
    cat <<EOF
Usage: infra/bench.sh [--quick | --full] [--only SCENARIOS] [--profile] [--keep]

  --quick     (default) every scenario briefly, timelines at 10k incidents, a rebuild of 10,000 events: checks
              that the harness works in about 3 minutes; the table goes to infra/bench/target/benchmarks-quick.md
  --full      the figures of docs/benchmarks.md: 20 s per measurement, timelines at 10k, 100k and 1M incidents,
              a rebuild from a topic of 1,000,000 events (for at most 5 minutes); the table replaces the latest
              run there
  --only A,B  only these scenarios: write-4, write-16, write-500, bulk, timeline, rebuild
  --profile   record a JFR profile of both services into infra/bench/target/jfr/ (jfr summary / jfr print)
  --keep      leave the benchmark's stack running afterwards (stop it with the command it prints)

Micro-benchmarks (JMH) of the hot paths are separate: infra/bench/jmh.sh.
EOF
}

MODE=--quick ONLY=() PROFILE=0 KEEP=0
while (($#)); do
    case "$1" in
        --quick | --full) MODE=$1 ;;
        --only) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; ONLY=(--only "$2"); shift ;;
        --profile) PROFILE=1 ;;
        --keep) KEEP=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '==> %s\n' "$*"; }

# The benchmark's own stack: nothing of the local stack (infra/local/start.sh) is touched or measured.
export CRISIS_TIMELINE_RUN_DIR="$BENCH_DIR/.run"
export COMMAND_SERVICE_PORT="${BENCH_COMMAND_PORT:-18081}" QUERY_SERVICE_PORT="${BENCH_QUERY_PORT:-18082}"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}" KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
export EVENTS_DATABASE=bench_events QUERY_DATABASE=bench_query
PG_PORT="${POSTGRES_PORT:-5432}"
DB_USER="${POSTGRES_USER:-timeline}" DB_PASSWORD="${POSTGRES_PASSWORD:-timeline}"
export SERVICE_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC"
if ((PROFILE)); then
    mkdir -p "$BENCH_DIR/target/jfr"
    # a directory as the file name: JFR names each recording after the process and the time
    SERVICE_JAVA_OPTS+=" -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$BENCH_DIR/target/jfr/"
fi

cd "$REPO_ROOT"
if [[ ! -f "$BENCH_DIR/target/bench.jar" || ! -f command-service/target/command-service-0.1.0-SNAPSHOT.jar ||
    ! -f query-service/target/query-service-0.1.0-SNAPSHOT.jar ]] ||
    ! compgen -G "infra/local/target/kafka-libs/kafka_2.13-*.jar" >/dev/null; then
    say "Building (./mvnw -B -q -DskipTests install)"
    ./mvnw -B -q -DskipTests install
fi
mkdir -p "$BENCH_DIR/target"

stop_stack() {
    if ((KEEP)); then
        say "The benchmark's stack is still running; stop it with: CRISIS_TIMELINE_RUN_DIR=$CRISIS_TIMELINE_RUN_DIR" \
            "EVENTS_DATABASE=$EVENTS_DATABASE QUERY_DATABASE=$QUERY_DATABASE infra/local/stop.sh --clean"
    else
        infra/local/stop.sh --clean >/dev/null || echo "WARNING: infra/local/stop.sh --clean failed" >&2
    fi
}
# a stack left by an earlier run (--keep, or a run cut short) goes first: every run starts from empty databases
infra/local/stop.sh --clean >/dev/null
trap stop_stack EXIT
say "Starting the benchmark's stack (ports $COMMAND_SERVICE_PORT, $QUERY_SERVICE_PORT, $KAFKA_PORT; log: infra/bench/target/stack-start.log)"
infra/local/start.sh --detach --no-demo-data >"$BENCH_DIR/target/stack-start.log" 2>&1 ||
    { tail -n 30 "$BENCH_DIR/target/stack-start.log" >&2; exit 1; }

kafka_jar="$(basename "$(compgen -G "infra/local/target/kafka-libs/kafka_2.13-*.jar" | head -n 1)")"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]] || commit+=" with uncommitted changes"
JDBC="jdbc:postgresql://localhost:$PG_PORT"

say "Running the benchmark ($MODE)"
# the rebuild's second query service migrates its own schema of the query database
BENCH_COMMAND_URL="http://localhost:$COMMAND_SERVICE_PORT" \
BENCH_QUERY_URL="http://localhost:$QUERY_SERVICE_PORT" \
BENCH_EVENTS_JDBC_URL="$JDBC/$EVENTS_DATABASE" \
BENCH_QUERY_JDBC_URL="$JDBC/$QUERY_DATABASE" \
BENCH_REBUILD_JDBC_URL="$JDBC/$QUERY_DATABASE?currentSchema=rebuild" \
BENCH_DB_USER="$DB_USER" BENCH_DB_PASSWORD="$DB_PASSWORD" \
BENCH_KAFKA="127.0.0.1:$KAFKA_PORT" \
BENCH_RUN_DIR="$CRISIS_TIMELINE_RUN_DIR" \
BENCH_MARKER="-Dcrisis.timeline.run=$(realpath -m "$CRISIS_TIMELINE_RUN_DIR")" \
BENCH_QUERY_SERVICE_JAR="$REPO_ROOT/query-service/target/query-service-0.1.0-SNAPSHOT.jar" \
BENCH_REBUILD_PORT="${BENCH_REBUILD_PORT:-18083}" \
BENCH_RECORDER_TOKEN="$(infra/local/token.sh recorder bench --ttl 14400)" \
BENCH_EDITOR_TOKEN="$(infra/local/token.sh editor bench --ttl 14400)" \
BENCH_JWT_PUBLIC_KEY="$CRISIS_TIMELINE_RUN_DIR/jwt/public.pem" \
BENCH_KAFKA_VERSION="$(sed -E 's/^kafka_2\.13-(.*)\.jar$/\1/' <<<"$kafka_jar")" \
BENCH_COMMIT="$commit" \
    java -Xmx1g -cp "$BENCH_DIR/target/bench.jar:$BENCH_DIR/target/lib/*" org.crisistimeline.bench.Bench \
    "$MODE" "${ONLY[@]}" --doc docs/benchmarks.md
