#!/usr/bin/env bash
# Stops what infra/local/start.sh started from the run directory: the services, the Kafka
# broker, and PostgreSQL only if start.sh started it. Safe to run any number of times.
# --clean also drops the two databases and deletes the run directory (Kafka data, logs). Naming services
# (command-service, query-service) stops only those, and returns once they are gone: start.sh --detach then starts
# them again beside the rest.
set -Euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$(realpath -m "${CRISIS_TIMELINE_RUN_DIR:-$SCRIPT_DIR/.run}")"
MARKER="-Dcrisis.timeline.run=$RUN_DIR" # the argument every JVM of ours carries (see start.sh)
PG_PORT="${POSTGRES_PORT:-5432}"
DATABASES=("${EVENTS_DATABASE:-timeline_events}" "${QUERY_DATABASE:-timeline_query}")
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"

usage() {
    cat <<EOF
Usage: infra/local/stop.sh [--clean]
       infra/local/stop.sh command-service|query-service...

Stops, in this order, a foreground start.sh, query-service, command-service, the Kafka broker
(TERM to each process group, KILL after ${STOP_TIMEOUT}s), any other JVM started with the run
directory's marker, and PostgreSQL if start.sh started it (a server that was already running
is left alone). Data persists across restarts.

  --clean    also drop the databases ${DATABASES[*]} (the role stays) and delete the run
             directory $RUN_DIR (Kafka data, logs, pids): the next start.sh starts from nothing.
             PostgreSQL is started for the drop if it is not running, and stopped again.
  -h, --help this text

Naming one or both services stops only them and returns once they have exited (their port is free); the broker and
PostgreSQL keep running, and infra/local/start.sh --detach starts the services again (e.g. after a key rotation).
EOF
}

CLEAN=0
ONLY=()
while (($#)); do
    case "$1" in
        --clean) CLEAN=1 ;;
        command-service | query-service) ONLY+=("$1") ;;
        -h | --help) usage; exit 0 ;;
        *) echo "stop.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
alive() { kill -0 "$1" 2>/dev/null; }

has_marker() { # PID
    [[ -r "/proc/$1/cmdline" ]] && tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$MARKER"
}

# pid of NAME.pid if that process is still ours, else nothing (and the stale pid file goes)
our_pid() {
    local file="$RUN_DIR/$1.pid" pid
    [[ -s "$file" ]] || return 1
    pid="$(cat "$file")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && has_marker "$pid"; then
        echo "$pid"
        return 0
    fi
    rm -f "$file"
    return 1
}

group_alive() { # PID: the process or anything left in its process group
    alive "$1" || pgrep -g "$1" >/dev/null 2>&1
}

signal() { # SIGNAL PID: the whole process group when PID leads it (start.sh uses setsid)
    if [[ "$(ps -o pgid= -p "$2" 2>/dev/null | tr -d ' ')" == "$2" ]] || ! alive "$2"; then
        kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "$2" 2>/dev/null || true
    else
        kill -s "$1" "$2" 2>/dev/null || true
    fi
}

# stop_all "LABEL:PID"...: TERM all, wait up to STOP_TIMEOUT, then KILL what is left
stop_all() {
    local entry pid left t=$SECONDS
    for entry in "$@"; do
        say "Stopping ${entry%%:*} (pid ${entry##*:})"
        signal TERM "${entry##*:}"
    done
    while :; do
        left=()
        for entry in "$@"; do
            group_alive "${entry##*:}" && left+=("$entry")
        done
        ((${#left[@]})) || break
        if ((SECONDS - t >= STOP_TIMEOUT)); then
            for entry in "${left[@]}"; do
                warn "${entry%%:*} (pid ${entry##*:}) still running after ${STOP_TIMEOUT}s: KILL"
                signal KILL "${entry##*:}"
            done
            sleep 1
            break
        fi
        sleep 0.2
    done
    for entry in "$@"; do
        say "Stopped ${entry%%:*} ($((SECONDS - t))s)"
    done
}

as_postgres() {
    if [[ "$(id -un)" == postgres ]]; then
        (cd / && "$@")
    elif ((EUID == 0)); then
        (cd / && runuser -u postgres -- "$@")
    elif sudo -n -u postgres true 2>/dev/null; then
        (cd / && sudo -n -u postgres -- "$@")
    else
        return 99
    fi
}

pg_listening() { pg_isready -q -h localhost -p "$PG_PORT" 2>/dev/null; }

pg_cluster_for_port() {
    command -v pg_lsclusters >/dev/null || return 1
    pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2 }' | sort -V | tail -n 1
}

T0=$SECONDS
stopped_something=0

# named services only: nothing else is touched
if ((${#ONLY[@]})); then
    ((!CLEAN)) || { echo "stop.sh: --clean stops the whole stack; do not name services with it" >&2; exit 2; }
    spid="$(cat "$RUN_DIR/start.pid" 2>/dev/null || true)"
    if [[ "$spid" =~ ^[0-9]+$ ]] && alive "$spid" && tr '\0' ' ' <"/proc/$spid/cmdline" 2>/dev/null | grep -q 'start\.sh'; then
        echo "stop.sh: a start.sh in the foreground owns this stack and would stop it all; use Ctrl-C there" >&2
        exit 1
    fi
    services=()
    for name in "${ONLY[@]}"; do
        if pid="$(our_pid "$name")"; then services+=("$name:$pid"); else say "$name is not running"; fi
    done
    ((${#services[@]})) && stop_all "${services[@]}"
    for name in "${ONLY[@]}"; do rm -f "$RUN_DIR/$name.pid"; done
    exit 0
fi

# 1. a start.sh in the foreground (or still starting): its own exit handler stops the stack
if [[ -s "$RUN_DIR/start.pid" ]]; then
    spid="$(cat "$RUN_DIR/start.pid")"
    if [[ "$spid" =~ ^[0-9]+$ && "$spid" != "$$" && "$spid" != "$PPID" ]] && alive "$spid" &&
        tr '\0' ' ' <"/proc/$spid/cmdline" 2>/dev/null | grep -q 'start\.sh'; then
        say "Asking start.sh (pid $spid) to stop the stack"
        kill -TERM "$spid" 2>/dev/null || true
        for _ in $(seq 1 $((STOP_TIMEOUT * 3 * 5 + 50))); do
            alive "$spid" || break
            sleep 0.2
        done
        alive "$spid" && warn "start.sh (pid $spid) is still running; stopping its processes directly"
        stopped_something=1
    fi
    rm -f "$RUN_DIR/start.pid"
fi

# 2. the services first (they would only log errors once the broker is gone), then the broker
services=()
for name in query-service command-service; do
    if pid="$(our_pid "$name")"; then services+=("$name:$pid"); fi
done
if ((${#services[@]})); then
    stop_all "${services[@]}"
    stopped_something=1
fi
if pid="$(our_pid kafka)"; then
    stop_all "kafka:$pid"
    stopped_something=1
fi
rm -f "$RUN_DIR"/{query-service,command-service,kafka}.pid

# 3. any JVM of ours the pid files do not know about (exact marker match, nobody else's)
strays=()
for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [[ "$pid" != "$$" ]] && has_marker "$pid" && strays+=("stray JVM:$pid")
done
if ((${#strays[@]})); then
    stop_all "${strays[@]}"
    stopped_something=1
fi

# 4. --clean: drop the databases (PostgreSQL started for it if needed)
pg_cluster_started=""
pg_started_by="by start.sh"
[[ -s "$RUN_DIR/postgres.started" ]] && pg_cluster_started="$(cat "$RUN_DIR/postgres.started")"
if ((CLEAN)); then
    if ! pg_listening; then
        cluster="${pg_cluster_started:-$(pg_cluster_for_port || true)}"
        if [[ -n "$cluster" ]]; then
            say "Starting PostgreSQL cluster $cluster to drop the databases"
            # shellcheck disable=SC2086
            if as_postgres pg_ctlcluster $cluster start; then
                pg_cluster_started="$cluster" # stopped again below
                pg_started_by="for --clean"
            fi
            for _ in $(seq 1 60); do pg_listening && break; sleep 0.5; done
        fi
    fi
    if pg_listening; then
        dropped=0
        for socket_dir in /var/run/postgresql /tmp; do
            [[ -S "$socket_dir/.s.PGSQL.$PG_PORT" ]] || continue
            ok=1
            for db in "${DATABASES[@]}"; do
                as_postgres psql -X -q -h "$socket_dir" -p "$PG_PORT" -U postgres -d postgres \
                    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || ok=0
            done
            if ((ok)); then dropped=1; break; fi
        done
        if ((dropped)); then
            say "Dropped databases ${DATABASES[*]}"
        else
            warn "could not drop ${DATABASES[*]} as the postgres superuser; drop them yourself"
        fi
    else
        warn "PostgreSQL is not running on port $PG_PORT: databases ${DATABASES[*]} not dropped"
    fi
fi

# 5. PostgreSQL, only if start.sh (or the --clean above) started it
if [[ -n "$pg_cluster_started" ]]; then
    say "Stopping PostgreSQL cluster $pg_cluster_started (started $pg_started_by)"
    # shellcheck disable=SC2086
    if as_postgres pg_ctlcluster $pg_cluster_started stop 2>/dev/null || ! pg_listening; then
        rm -f "$RUN_DIR/postgres.started"
    else
        warn "could not stop PostgreSQL cluster $pg_cluster_started: pg_ctlcluster $pg_cluster_started stop"
    fi
    stopped_something=1
fi

# 6. --clean: the run directory (Kafka data, logs, configuration written by start.sh)
if ((CLEAN)); then
    if [[ -e "$RUN_DIR/postgres.started" ]]; then
        warn "keeping $RUN_DIR/postgres.started: PostgreSQL is still running"
        find "$RUN_DIR" -mindepth 1 -maxdepth 1 ! -name postgres.started -exec rm -rf {} +
    else
        rm -rf "$RUN_DIR"
    fi
    say "Deleted $RUN_DIR (Kafka data, logs)"
fi

if ((CLEAN)); then
    say "Local stack stopped and cleaned ($((SECONDS - T0))s)"
elif ((stopped_something)); then
    say "Local stack stopped ($((SECONDS - T0))s)"
else
    say "Nothing of the local stack was running ($RUN_DIR)"
fi
