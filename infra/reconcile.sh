#!/usr/bin/env bash
# Compares the event store with the read model, aggregate by aggregate: the command service's heads (last sequence
# number and hash, GET /api/v1/audit/heads) against the query service's applied positions (GET /api/v1/admin/positions).
#
#   infra/reconcile.sh              once, against the local stack
#   infra/reconcile.sh --wait 60    compare again every second while aggregates are behind, for up to 60 s
#   infra/reconcile.sh --help
#
# Services: CRISIS_TIMELINE_COMMAND_URL and CRISIS_TIMELINE_QUERY_URL (or --command-url, --query-url), the local
# stack's by default; the token is CRISIS_TIMELINE_TOKEN (admin), or one minted by infra/local/token.sh for the local
# stack. Exit status: 0 in step, 1 behind, 2 wrong command line, 3 a service did not answer, 4 faults.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="$SCRIPT_DIR/importer/target/importer.jar"

if [[ ! -f "$JAR" ]]; then
    echo "Building the command line tools (./mvnw -B -q -pl infra/importer -am -DskipTests package)" >&2
    (cd "$REPO_ROOT" && ./mvnw -B -q -pl infra/importer -am -DskipTests package)
fi

export CRISIS_TIMELINE_COMMAND_URL="${CRISIS_TIMELINE_COMMAND_URL:-http://localhost:${COMMAND_SERVICE_PORT:-8081}}"
export CRISIS_TIMELINE_QUERY_URL="${CRISIS_TIMELINE_QUERY_URL:-http://localhost:${QUERY_SERVICE_PORT:-8082}}"
wants_help=0
for argument in "$@"; do [[ "$argument" == "-h" || "$argument" == "--help" ]] && wants_help=1; done
if [[ -z "${CRISIS_TIMELINE_TOKEN:-}" ]] && ((!wants_help)); then
    CRISIS_TIMELINE_TOKEN="$("$SCRIPT_DIR/local/token.sh" admin "${USER:-operator}-reconcile")" || exit 3
    export CRISIS_TIMELINE_TOKEN
fi

exec java -cp "$JAR:$SCRIPT_DIR/importer/target/lib/*" org.crisistimeline.reconcile.ReconcileCommand "$@"
