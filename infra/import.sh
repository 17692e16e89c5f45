#!/usr/bin/env bash
# Imports a data set file into a crisis through the command service's import endpoint (POST /api/v1/imports): a
# progress bar on a terminal, plain lines otherwise, and an exit status that says whether rows were refused.
#
#   infra/import.sh ucdp-ged path/to/ged.csv --crisis iraq-1989-2018 --create-crisis "Iraq, UCDP GED" [--release 24.1]
#   infra/import.sh acled export.csv --crisis iraq-1989-2018 --release 2024-06-10 --retract-missing
#   infra/import.sh gdelt 20200103.export.CSV --crisis iran-us-2020 --dry-run
#   infra/import.sh --help
#
# The service is the local stack's (COMMAND_SERVICE_PORT, default 8081) unless CRISIS_TIMELINE_COMMAND_URL says
# otherwise; the token is CRISIS_TIMELINE_TOKEN, or an editor token minted by infra/local/token.sh for the local stack.
# Exit status: 0 all rows stored or unchanged, 1 rows refused, 2 wrong command line, 3 the import refused or failed.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="$SCRIPT_DIR/importer/target/importer.jar"

if [[ ! -f "$JAR" ]]; then
    echo "Building the importer (./mvnw -B -q -pl infra/importer -am -DskipTests package)" >&2
    (cd "$REPO_ROOT" && ./mvnw -B -q -pl infra/importer -am -DskipTests package)
fi

export CRISIS_TIMELINE_COMMAND_URL="${CRISIS_TIMELINE_COMMAND_URL:-http://localhost:${COMMAND_SERVICE_PORT:-8081}}"
wants_help=0
for argument in "$@"; do [[ "$argument" == "-h" || "$argument" == "--help" ]] && wants_help=1; done
if [[ -z "${CRISIS_TIMELINE_TOKEN:-}" ]] && ((!wants_help)); then
    CRISIS_TIMELINE_TOKEN="$("$SCRIPT_DIR/local/token.sh" editor "${USER:-importer}-import")" || exit 3
    export CRISIS_TIMELINE_TOKEN
fi

exec java -cp "$JAR:$SCRIPT_DIR/importer/target/lib/*" org.crisistimeline.importer.ImportCommand "$@"
