#!/usr/bin/env bash
# Runs the README's tour against the running local stack as a reader pastes it: every ```bash block that follows a
# <!-- tour --> line in README.md, in order, in one shell, stopping at the first command that fails. .ci/run runs it
# right after infra/local/start.sh --detach, so that the tour keeps working as written.
#
#   infra/tour.sh [MARKDOWN_FILE]      (README.md by default)
#
# Blocks without the marker (the build, start.sh itself, the benchmark) are not run. A marked block's curl calls must
# answer 2xx, or a status its marker allows: <!-- tour, may answer 404 -->. A stream (curl -N) is read for
# TOUR_STREAM_SECONDS (5) and then cut, as a reader presses Ctrl-C. What the tour writes (exports, checkpoints) goes
# to a scratch directory whose other entries link to the repository's, so the checkout stays clean.
set -Eeuo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MARKDOWN="$(realpath "${1:-$REPO_ROOT/README.md}")"
export TOUR_STREAM_SECONDS="${TOUR_STREAM_SECONDS:-5}"

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/crisis-timeline-tour.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT # the links only, never what they point at
for entry in "$REPO_ROOT"/* "$REPO_ROOT"/.mvn; do
    ln -s "$entry" "$SCRATCH/"
done

# The script run: the helpers, then each marked block verbatim behind a line that says where it comes from.
script="$SCRATCH/.tour.sh"
cat >"$script" <<'HELPERS'
set -eo pipefail
shopt -s inherit_errexit

tour_block() { # README_LINE ALLOWED_STATUSES SCRIPT_LINE
    TOUR_LINE=$1 TOUR_MAY_ANSWER=$2 TOUR_SCRIPT_LINE=$3
    printf '\n==> %s line %d\n' "$TOUR_FILE" "$TOUR_LINE" >&2
}

failed() { # SCRIPT_LINE: the line that failed, as the reader sees it
    local line=$((TOUR_LINE + $1 - TOUR_SCRIPT_LINE))
    printf '\nTOUR FAILED at %s line %d:\n%s\n' "$TOUR_FILE" "$line" "$(sed -n "${line}p" "$TOUR_FILE")" >&2
}
trap 'failed "$LINENO"' ERR

# curl as the reader runs it, and then the HTTP status checked: 2xx, or one the block's marker allows
curl() {
    local headers status rc=0 stream=()
    headers="$(mktemp)"
    if [[ " $* " == *" -N "* ]]; then stream=(--max-time "$TOUR_STREAM_SECONDS"); fi
    command curl "${stream[@]}" -D "$headers" "$@" || rc=$?
    status="$(awk '/^HTTP\// { code = $2 } END { print code }' "$headers")"
    rm -f "$headers"
    # a stream cut after its seconds, as meant
    if ((rc == 28 && ${#stream[@]})) && [[ "$status" == 200 ]]; then rc=0; fi
    if ((rc)); then
        printf '\n[curl exit %d]\n' "$rc" >&2
        return "$rc"
    fi
    if [[ "$status" == 2?? || " $TOUR_MAY_ANSWER " == *" $status "* ]]; then
        printf '\n[HTTP %s]\n' "$status" >&2
    else
        printf '\n[HTTP %s, not 2xx%s]\n' "$status" "${TOUR_MAY_ANSWER:+ nor $TOUR_MAY_ANSWER}" >&2
        return 22
    fi
}
HELPERS

blocks="$(awk -v script_lines="$(wc -l <"$script")" '
    function fail(message) { print FILENAME ":" FNR ": " message > "/dev/stderr"; failed = 1; exit 1 }
    /^<!-- tour(, may answer [0-9 ]+)? -->$/ {
        allowed = $0
        sub(/^<!-- tour(, may answer)? */, "", allowed)
        sub(/ *-->$/, "", allowed)
        marked = 1
        next
    }
    marked && /^```bash$/ {
        marked = 0
        inside = 1
        blocks++
        emitted++
        printf "tour_block %d \"%s\" %d\n", FNR + 1, allowed, script_lines + emitted + 1
        next
    }
    marked && !/^$/ { fail("a <!-- tour --> marker must be followed by a ```bash block") }
    inside && /^```$/ { inside = 0; next }
    inside { print; emitted++ }
    END { if (!failed && blocks == 0) fail("no block marked <!-- tour -->") }
' "$MARKDOWN")"
printf '%s\n' "$blocks" >>"$script"

echo "Running the tour of $MARKDOWN, blocks: $(grep -c '^tour_block ' <<<"$blocks"), in $SCRATCH"
rc=0
(cd "$SCRATCH" && TOUR_FILE="$MARKDOWN" bash "$script") || rc=$?
if ((rc)); then
    trap - EXIT
    echo "The tour failed (exit $rc); what it wrote is kept in $SCRATCH" >&2
    exit "$rc"
fi
echo "The tour ran as written."
