#!/usr/bin/env bash
# Mints a bearer token for the local stack: RS256, signed with the key infra/local/start.sh made in its run
# directory, accepted by both services for an hour (or --ttl seconds).
#
#   infra/local/token.sh ROLE [SUBJECT] [--ttl SECONDS]
#
# ROLE is recorder, editor, admin or reader; SUBJECT (default: ROLE-local) is who the audit trail will name.
#   TOKEN=$(infra/local/token.sh recorder alice)
#   curl -H "Authorization: Bearer $TOKEN" ...
# Production tokens come from the identity provider instead (JWT_JWK_SET_URI); this key never leaves the machine.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${CRISIS_TIMELINE_RUN_DIR:-$SCRIPT_DIR/.run}"
KEY="$RUN_DIR/jwt/private.pem"
ISSUER="${JWT_ISSUER:-crisis-timeline-local}"
AUDIENCE="${JWT_AUDIENCE:-crisis-timeline}"

usage() { echo "usage: $0 recorder|editor|admin|reader [SUBJECT] [--ttl SECONDS]" >&2; exit 2; }

role="" subject="" ttl=3600
while (($#)); do
    case "$1" in
        --ttl) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage; ttl=$2; shift 2 ;;
        -h | --help) usage ;;
        *) if [[ -z "$role" ]]; then role=$1; elif [[ -z "$subject" ]]; then subject=$1; else usage; fi; shift ;;
    esac
done
[[ "$role" =~ ^(recorder|editor|admin|reader)$ ]] || usage
subject="${subject:-$role-local}"
[[ "$subject" =~ ^[A-Za-z0-9._@-]{1,100}$ ]] || { echo "subject: letters, digits and . _ @ - only" >&2; exit 2; }
[[ -r "$KEY" ]] || { echo "No signing key at $KEY: start the stack first (infra/local/start.sh makes it)" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"local"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","roles":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$AUDIENCE" "$subject" "$role" "$now" $((now + ttl)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
