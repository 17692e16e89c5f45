#!/usr/bin/env bash
# Loads the demo crisis (iran-us-2020) through the public REST API of the command service, then waits until the
# query service shows it.
#
#   infra/demo-data/load.sh [--command-url URL] [--query-url URL]
#
# Defaults: http://localhost:8081 (command) and http://localhost:8082 (query), or the environment variables
# COMMAND_URL and QUERY_URL. If TIMELINE_TOKEN is set it is sent as a bearer token.
# Needs only bash and curl. Every POST is idempotent by id, so the script can be run again safely.
set -euo pipefail

COMMAND_URL="${COMMAND_URL:-http://localhost:8081}"
QUERY_URL="${QUERY_URL:-http://localhost:8082}"

usage() {
    echo "usage: $0 [--command-url URL] [--query-url URL]" >&2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --command-url)
            [[ $# -ge 2 ]] || { usage; exit 2; }
            COMMAND_URL="$2"; shift 2 ;;
        --command-url=*)
            COMMAND_URL="${1#*=}"; shift ;;
        --query-url)
            [[ $# -ge 2 ]] || { usage; exit 2; }
            QUERY_URL="$2"; shift 2 ;;
        --query-url=*)
            QUERY_URL="${1#*=}"; shift ;;
        -h|--help)
            usage; exit 0 ;;
        *)
            echo "unknown argument: $1" >&2; usage; exit 2 ;;
    esac
done
COMMAND_URL="${COMMAND_URL%/}"
QUERY_URL="${QUERY_URL%/}"

DATA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/iran-us-2020"
CRISIS_FILE="$DATA_DIR/crisis.json"
ACTORS_FILE="$DATA_DIR/actors.ndjson"
INCIDENTS_FILE="$DATA_DIR/incidents.ndjson"
CHANGES_FILE="$DATA_DIR/changes.ndjson"

for f in "$CRISIS_FILE" "$ACTORS_FILE" "$INCIDENTS_FILE" "$CHANGES_FILE"; do
    [[ -r "$f" ]] || { echo "ERROR: data file not found: $f" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "ERROR: curl is required" >&2; exit 1; }

CURL_AUTH=()
if [[ -n "${TIMELINE_TOKEN:-}" ]]; then
    CURL_AUTH=(-H "Authorization: Bearer $TIMELINE_TOKEN")
fi

RESPONSE_FILE="$(mktemp)"
trap 'rm -f "$RESPONSE_FILE"' EXIT

MAX_ATTEMPTS=10

# The value of the first "id" field of a one-line JSON object (all our ids are slugs: [a-z0-9-]).
json_id() {
    local re='"id"[[:space:]]*:[[:space:]]*"([^"]*)"'
    if [[ "$1" =~ $re ]]; then
        printf '%s' "${BASH_REMATCH[1]}"
    else
        printf '?'
    fi
}

# post KIND PATH BODY: POSTs BODY to $COMMAND_URL$PATH; retries connection errors and 5xx, fails on anything else
# that is not 2xx.
post() {
    local kind="$1" path="$2" body="$3"
    local id status attempt=1
    id="$(json_id "$body")"
    [[ "$kind" == "change" ]] && id="$path"
    while true; do
        status="$(printf '%s' "$body" | curl -sS -o "$RESPONSE_FILE" -w '%{http_code}' \
            -X POST "$COMMAND_URL$path" \
            -H 'Content-Type: application/json' -H 'Accept: application/json' \
            ${CURL_AUTH[@]+"${CURL_AUTH[@]}"} \
            --data-binary @- 2>/dev/null)" || status="000"
        case "$status" in
            2??)
                echo "  recorded $kind $id ($status)"
                return 0 ;;
            000|5??)
                if (( attempt >= MAX_ATTEMPTS )); then
                    echo "ERROR: could not record $kind $id at $COMMAND_URL$path after $attempt attempts" \
                        "(last status: ${status/#000/no connection})" >&2
                    [[ -s "$RESPONSE_FILE" ]] && { cat "$RESPONSE_FILE" >&2; echo >&2; }
                    exit 1
                fi
                attempt=$((attempt + 1))
                sleep 1 ;;
            409)
                # a change replayed by a second run: its expectedVersion is stale, or the incident is retracted
                if [[ "$kind" == "change" ]] && grep -qE 'stale-version|no-longer-accepting' "$RESPONSE_FILE"; then
                    echo "  applied already: $path"
                    return 0
                fi
                echo "ERROR: $kind $id is already recorded with a different body (409):" >&2
                cat "$RESPONSE_FILE" >&2; echo >&2
                exit 1 ;;
            *)
                echo "ERROR: $kind $id was rejected ($status):" >&2
                cat "$RESPONSE_FILE" >&2; echo >&2
                exit 1 ;;
        esac
    done
}

# post_lines KIND PATH FILE: POSTs each non-blank line of an NDJSON file. Sets LAST_ID and COUNT.
LAST_ID=""
COUNT=0
post_lines() {
    local kind="$1" path="$2" file="$3" line
    COUNT=0
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        [[ -z "${line//[[:space:]]/}" ]] && continue
        post "$kind" "$path" "$line"
        LAST_ID="$(json_id "$line")"
        COUNT=$((COUNT + 1))
    done < "$file"
}

echo "Loading demo crisis into $COMMAND_URL"

echo "crisis:"
post crisis /api/v1/crises "$(cat "$CRISIS_FILE")"

echo "actors:"
post_lines actor /api/v1/actors "$ACTORS_FILE"
ACTOR_COUNT=$COUNT

echo "incidents:"
post_lines incident /api/v1/incidents "$INCIDENTS_FILE"
INCIDENT_COUNT=$COUNT
LAST_INCIDENT="$LAST_ID"

# Corrections, a later source, a verification, a retraction and links, recorded after the incidents so that the
# as-of views show a difference. Each line is {"path": "...", "body": {...}} with "body" last.
echo "changes:"
# a second apart, so that asOf between the two shows the incidents before their changes
sleep 1
CHANGE_COUNT=0
while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ -z "${line//[[:space:]]/}" ]] && continue
    change_re='^\{"path":"([^"]+)","body":(.*)\}$'
    [[ "$line" =~ $change_re ]] || { echo "ERROR: unreadable line in $CHANGES_FILE: $line" >&2; exit 1; }
    post change "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    CHANGE_COUNT=$((CHANGE_COUNT + 1))
done < "$CHANGES_FILE"

if [[ -z "$LAST_INCIDENT" || "$LAST_INCIDENT" == "?" ]]; then
    echo "ERROR: no incidents found in $INCIDENTS_FILE" >&2
    exit 1
fi

# Wait until the query service has caught up: the last incident is readable and the UK timeline shows the
# Tehran embassy staff reduction.
EXPECTED_IN_GB="uk-embassy-staff-reduced-tehran"
echo "Waiting for $QUERY_URL to show the incidents (up to 60 s)..."

query_status() {
    curl -sS -o "$RESPONSE_FILE" -w '%{http_code}' -H 'Accept: application/json' \
        ${CURL_AUTH[@]+"${CURL_AUTH[@]}"} "$1" 2>/dev/null || true
}

deadline=$((SECONDS + 60))
incident_seen=false
timeline_seen=false
while true; do
    if ! $incident_seen; then
        [[ "$(query_status "$QUERY_URL/api/v1/incidents/$LAST_INCIDENT")" == "200" ]] && incident_seen=true
    fi
    if $incident_seen && ! $timeline_seen; then
        if [[ "$(query_status "$QUERY_URL/api/v1/timelines/countries/GB")" == "200" ]] \
            && grep -q "$EXPECTED_IN_GB" "$RESPONSE_FILE"; then
            timeline_seen=true
        fi
    fi
    if $incident_seen && $timeline_seen; then
        break
    fi
    if (( SECONDS >= deadline )); then
        if ! $incident_seen; then
            echo "ERROR: after 60 s $QUERY_URL/api/v1/incidents/$LAST_INCIDENT still does not return 200;" \
                "is the query service running and consuming events?" >&2
        else
            echo "ERROR: after 60 s $QUERY_URL/api/v1/timelines/countries/GB does not contain $EXPECTED_IN_GB" >&2
        fi
        exit 1
    fi
    sleep 0.5
done

echo
echo "Demo crisis loaded: $INCIDENT_COUNT incidents ($ACTOR_COUNT actors), $CHANGE_COUNT changes"
echo "The changes were recorded a second after the incidents: the recordedAt of each version is in"
echo "  $QUERY_URL/api/v1/incidents/soleimani-funeral-tehran/history"
echo "Try:"
echo "  $QUERY_URL/api/v1/incidents/soleimani-killed-baghdad-airport"
echo "  $QUERY_URL/api/v1/incidents/iraqi-parliament-votes-to-expel-us-troops"
echo "  $QUERY_URL/api/v1/timelines/countries/GB"
echo "  $QUERY_URL/api/v1/timelines/countries/IQ"
