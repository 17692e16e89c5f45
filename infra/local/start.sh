#!/usr/bin/env bash
# The local stack without Docker, one command up: PostgreSQL, a single-node Kafka broker
# (KRaft) from the Maven Central jars, command-service and query-service, then the demo crisis.
# Everything it starts is recorded in the run directory, and infra/local/stop.sh stops
# exactly that. Usage and layout: infra/README.md, or ./start.sh --help.
set -Eeuo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
RUN_DIR="$(realpath -m "${CRISIS_TIMELINE_RUN_DIR:-$SCRIPT_DIR/.run}")"
# Every JVM we start carries this exact argument: stop.sh finds our processes by it (and by
# the pid files), never by a process name, so other people's JVMs are left alone.
MARKER="-Dcrisis.timeline.run=$RUN_DIR"

COMMAND_PORT="${COMMAND_SERVICE_PORT:-8081}"
QUERY_PORT="${QUERY_SERVICE_PORT:-8082}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
PG_PORT="${POSTGRES_PORT:-5432}"
DB_USER="${POSTGRES_USER:-timeline}"
DB_PASSWORD="${POSTGRES_PASSWORD:-timeline}"
DATABASES=("${EVENTS_DATABASE:-timeline_events}" "${QUERY_DATABASE:-timeline_query}")
# the services' JVM options; the benchmark passes its own (heap, JFR). The parallel collector: on 2 cores G1's
# concurrent marking took a quarter of a rebuilding query service's CPU (docs/benchmarks.md, 7 December)
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-120}"
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-60}"
TOPIC="crisis-timeline.events.v1"

KAFKA_LIBS="$SCRIPT_DIR/target/kafka-libs"
KAFKA_DIR="$RUN_DIR/kafka"
COMMAND_JAR="${COMMAND_SERVICE_JAR:-$REPO_ROOT/command-service/target/command-service-0.1.0-SNAPSHOT.jar}"
QUERY_JAR="${QUERY_SERVICE_JAR:-$REPO_ROOT/query-service/target/query-service-0.1.0-SNAPSHOT.jar}"
DEMO_LOADER="${DEMO_DATA_LOADER:-$REPO_ROOT/infra/demo-data/load.sh}"

usage() {
    cat <<EOF
Usage: infra/local/start.sh [options]

Starts PostgreSQL (or uses the one on port $PG_PORT), a Kafka broker, command-service
(port $COMMAND_PORT) and query-service (port $QUERY_PORT), loads the demo crisis, and stays
in the foreground: Ctrl-C stops everything it started.

  -d, --detach     return once everything is up; stop later with infra/local/stop.sh. Parts of the
                   stack already running from the same run directory are kept: only the
                   others are started
      --rebuild    run './mvnw -B -q -DskipTests install' even if the jars exist
      --infra-only start only PostgreSQL and Kafka (to run the services from an IDE)
      --no-demo-data  do not run infra/demo-data/load.sh
  -h, --help       this text

Run directory (pids, logs, Kafka data): $RUN_DIR
(set CRISIS_TIMELINE_RUN_DIR to use another one). Ports can be moved with COMMAND_SERVICE_PORT,
QUERY_SERVICE_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT and POSTGRES_PORT; other jars or demo
loader with COMMAND_SERVICE_JAR, QUERY_SERVICE_JAR and DEMO_DATA_LOADER; other databases with
EVENTS_DATABASE and QUERY_DATABASE; the services' JVM options with SERVICE_JAVA_OPTS (-Xmx512m -XX:+UseParallelGC).
If a stack from the same run directory is still running, it is stopped first; with --detach
only what is not running is started (a foreground start.sh still running is stopped first).
EOF
}

DETACH=0 REBUILD=0 INFRA_ONLY=0 DEMO_DATA=1
while (($#)); do
    case "$1" in
        -d | --detach) DETACH=1 ;;
        --rebuild) REBUILD=1 ;;
        --infra-only) INFRA_ONLY=1 ;;
        --no-demo-data) DEMO_DATA=0 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "start.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# ---------------------------------------------------------------------------------- helpers

STARTED=0 # set once something may have been started: a failure then stops it again
KEPT=()     # with --detach, the parts of the stack that were running already: never stopped by this run
LAUNCHED=() # what this run started, in order: all a failure stops when something was kept
KEEP_RUNNING=0

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }

die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

stop_stack() {
    # the foreground start.sh is us: stop.sh must not wait for us to exit
    if [[ -f "$RUN_DIR/start.pid" && "$(cat "$RUN_DIR/start.pid" 2>/dev/null)" == "$$" ]]; then
        rm -f "$RUN_DIR/start.pid"
    fi
    if ((STARTED)) && ((${#KEPT[@]})); then
        stop_launched
    elif ((STARTED)); then
        "$SCRIPT_DIR/stop.sh" || warn "stop.sh reported a problem"
    fi
}

# After a failed start beside parts that were running already: stop only what this run launched (stop.sh would stop
# everything), newest first, TERM to its process group, KILL after 20 s.
stop_launched() {
    local i name pid
    for ((i = ${#LAUNCHED[@]} - 1; i >= 0; i--)); do
        name="${LAUNCHED[i]}"
        pid="$(our_pid "$name")" || continue
        say "Stopping $name (pid $pid), started by this run; keeping ${KEPT[*]}"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            alive "$pid" || break
            sleep 0.2
        done
        alive "$pid" && kill -KILL -- "-$pid" 2>/dev/null
        rm -f "$RUN_DIR/$name.pid"
    done
}

running() { # NAME: kept from before this run
    local kept
    for kept in "${KEPT[@]}"; do [[ "$kept" == "$1" ]] && return 0; done
    return 1
}

on_exit() {
    local rc=$?
    set +e # stop as much as possible, whatever fails (e.g. printing to a closed terminal)
    trap - EXIT
    # a second Ctrl-C must not interrupt the orderly stop (stop.sh inherits the ignored signals)
    trap '' INT TERM HUP
    if ((KEEP_RUNNING)); then
        exit "$rc"
    fi
    if ((STARTED)); then
        echo
        say "Stopping what this script started"
        stop_stack
    else
        stop_stack # only removes our start.pid
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_in_use() {
    local port=$1
    if command -v ss >/dev/null; then
        [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

port_owner() {
    command -v ss >/dev/null || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))$/\1/p' | head -n 1
}

require_free_port() {
    local port=$1 what=$2 owner
    if port_in_use "$port"; then
        owner="$(port_owner "$port")"
        die "port $port (needed for $what) already in use by another process${owner:+: $owner}. Stop it, or move our port (see --help)."
    fi
}

# pid of a process we started (pid file + marker on its command line), or nothing
our_pid() {
    local file="$RUN_DIR/$1.pid" pid
    [[ -s "$file" ]] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$MARKER" || return 1
    echo "$pid"
}

alive() { kill -0 "$1" 2>/dev/null; }

# launch NAME LOGFILE COMMAND...: in its own session and process group (Ctrl-C in this
# terminal reaches only this script, which then stops things in order), pid in NAME.pid
launch() {
    local name=$1 log=$2 pidfile="$RUN_DIR/$1.pid"
    shift 2
    rm -f "$pidfile"
    STARTED=1
    LAUNCHED+=("$name")
    # shellcheck disable=SC2016 # expanded by the inner bash: its own pid, which then becomes the JVM
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >"$log" 2>&1 </dev/null &
    for _ in $(seq 1 50); do
        [[ -s "$pidfile" ]] && return 0
        sleep 0.1
    done
    die "$name did not start (no pid file); see $log"
}

show_log_tail() {
    local log=$1
    echo "---- last lines of $log ----" >&2
    tail -n "${2:-40}" "$log" >&2 || true
    echo "----" >&2
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

elapsed() { echo $((SECONDS - $1))s; }

# ---------------------------------------------------------------------------------- checks

T0=$SECONDS
mkdir -p "$RUN_DIR"

command -v setsid >/dev/null || die "setsid not found (package util-linux); this script needs Linux"
command -v curl >/dev/null || die "curl not found: apt-get install curl"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null; then
    JAVA="$(command -v java)"
else
    die "Java 17 not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
fi
java_version="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
java_major="${java_version#1.}"
java_major="${java_major%%.*}"
if ! [[ "$java_major" =~ ^[0-9]+$ ]] || ((java_major < 17)); then
    die "Java 17 not found: $JAVA is Java ${java_version:-unknown}; install a JDK 17 or set JAVA_HOME"
fi

# A stack from this run directory still running (a foreground start.sh, or detached
# processes): stop it first, so this start owns everything it reports.
# With --detach and no foreground start.sh owning it, what runs is kept and only the rest is started.
previous=()
foreground=0
if [[ -s "$RUN_DIR/start.pid" ]]; then
    spid="$(cat "$RUN_DIR/start.pid")"
    if [[ "$spid" =~ ^[0-9]+$ ]] && alive "$spid" && tr '\0' ' ' <"/proc/$spid/cmdline" 2>/dev/null | grep -q 'start\.sh'; then
        previous+=("start.sh (pid $spid)")
        foreground=1
    fi
fi
for name in query-service command-service kafka; do
    if pid="$(our_pid "$name")"; then previous+=("$name (pid $pid)"); fi
done
if ((${#previous[@]})) && ((DETACH && !foreground)); then
    for name in kafka command-service query-service; do
        if our_pid "$name" >/dev/null; then KEPT+=("$name"); fi
    done
    say "Already running from $RUN_DIR: ${previous[*]}. Starting only what is not."
elif ((${#previous[@]})); then
    say "A stack from $RUN_DIR is still running: ${previous[*]}. Stopping it first."
    "$SCRIPT_DIR/stop.sh" || die "could not stop the previous stack; run infra/local/stop.sh and look at its output"
fi
echo $$ >"$RUN_DIR/start.pid"

if ! running kafka; then
    require_free_port "$KAFKA_PORT" "the Kafka broker"
    require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller"
fi
if ((!INFRA_ONLY)); then
    running command-service || require_free_port "$COMMAND_PORT" "command-service"
    running query-service || require_free_port "$QUERY_PORT" "query-service"
fi

# ---------------------------------------------------------------------------------- build

have_kafka_libs() { compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null; }

if ((INFRA_ONLY)); then
    if ((REBUILD)) || ! have_kafka_libs; then
        say "Building the Kafka classpath (./mvnw -B -q -DskipTests -pl infra/local -am package)"
        (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests -pl infra/local -am package) || die "build failed (see above)"
    fi
elif ((REBUILD)) || ! have_kafka_libs || [[ ! -f "$COMMAND_JAR" || ! -f "$QUERY_JAR" ]]; then
    say "Building (./mvnw -B -q -DskipTests install); this takes a few minutes the first time"
    t=$SECONDS
    (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests install) || die "build failed (see above)"
    say "Built in $(elapsed $t)"
fi
have_kafka_libs || die "no Kafka jars in $KAFKA_LIBS after the build"
if ((!INFRA_ONLY)); then
    [[ -f "$COMMAND_JAR" ]] || die "missing $COMMAND_JAR after the build"
    [[ -f "$QUERY_JAR" ]] || die "missing $QUERY_JAR after the build"
fi

# ---------------------------------------------------------------------------------- PostgreSQL

pg_cluster_for_port() {
    command -v pg_lsclusters >/dev/null || return 1
    # "version cluster" of the newest cluster configured for the port
    pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2 }' | sort -V | tail -n 1
}

db_login_works() { # DATABASE
    PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -h localhost -p "$PG_PORT" -U "$DB_USER" -d "$1" \
        -At -c 'select 1' >/dev/null 2>&1
}

t=$SECONDS
command -v psql >/dev/null || die "psql not found: apt-get install postgresql (or postgresql-client for a server elsewhere)"
if port_in_use "$PG_PORT"; then
    if [[ -f "$RUN_DIR/postgres.started" ]]; then
        say "PostgreSQL is running on port $PG_PORT (started by an earlier start.sh; stop.sh stops it)"
    else
        say "PostgreSQL is already running on port $PG_PORT: using it (stop.sh will leave it running)"
    fi
else
    rm -f "$RUN_DIR/postgres.started"
    cluster="$(pg_cluster_for_port || true)"
    [[ -n "$cluster" ]] || die "nothing listens on port $PG_PORT and no PostgreSQL cluster is configured for it (pg_lsclusters). Install PostgreSQL (apt-get install postgresql) or start your own server on port $PG_PORT."
    say "Starting PostgreSQL cluster $cluster (pg_ctlcluster)"
    # recorded before starting: if the start half-succeeds, stop.sh still stops it
    echo "$cluster" >"$RUN_DIR/postgres.started"
    STARTED=1
    rc=0
    # shellcheck disable=SC2086 # "version cluster" are two arguments
    as_postgres pg_ctlcluster $cluster start || rc=$?
    if ((rc == 99)); then
        rm -f "$RUN_DIR/postgres.started"
        die "cannot act as the postgres user (run as root, as postgres, or with passwordless sudo) to start PostgreSQL; or start it yourself: pg_ctlcluster $cluster start"
    elif ((rc != 0)); then
        die "pg_ctlcluster $cluster start failed (see /var/log/postgresql/)"
    fi
fi
for _ in $(seq 1 60); do
    pg_isready -q -h localhost -p "$PG_PORT" && break
    sleep 0.5
done
pg_isready -q -h localhost -p "$PG_PORT" || die "PostgreSQL on port $PG_PORT does not accept connections"

# Role and databases: nothing to do when the role can already log in to both databases over
# TCP; otherwise create them as the postgres superuser over the local socket (idempotent).
DB_HAD_TABLES=0
if [[ "$(PGPASSWORD="$DB_PASSWORD" psql -X -q -h localhost -p "$PG_PORT" -U "$DB_USER" -d "${DATABASES[0]}" -At \
    -c "select count(*) from information_schema.tables where table_schema = 'public'" 2>/dev/null || true)" =~ ^[1-9] ]]; then
    DB_HAD_TABLES=1
fi
if ! db_login_works "${DATABASES[0]}" || ! db_login_works "${DATABASES[1]}"; then
    say "Creating role '$DB_USER' and databases ${DATABASES[*]} (as postgres, over the local socket)"
    setup_sql="$(
        cat <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(string_to_array(:'databases', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d, :'user')
  FROM unnest(string_to_array(:'databases', ' ')) AS d \gexec
SQL
    )"
    created=0
    # the Debian socket directory first, then /tmp (self-built or embedded servers)
    for socket_dir in /var/run/postgresql /tmp; do
        [[ -S "$socket_dir/.s.PGSQL.$PG_PORT" ]] || continue
        if as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$socket_dir" -p "$PG_PORT" -U postgres -d postgres \
            -v user="$DB_USER" -v password="$DB_PASSWORD" -v databases="${DATABASES[*]}" <<<"$setup_sql"; then
            created=1
            break
        fi
    done
    if ((!created)); then
        die "could not create the role and databases as the postgres superuser over the local socket.
Run this as a superuser of the server on port $PG_PORT, then start again:
  CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  CREATE DATABASE ${DATABASES[0]} OWNER $DB_USER;
  CREATE DATABASE ${DATABASES[1]} OWNER $DB_USER;"
    fi
    for db in "${DATABASES[@]}"; do
        db_login_works "$db" || die "role '$DB_USER' cannot log in to database '$db' over TCP (localhost:$PG_PORT) with its password.
Check pg_hba.conf (pg_lsclusters shows where the cluster lives): it needs a line like
  host all all 127.0.0.1/32 scram-sha-256   (and ::1/128 for IPv6)
before any 'reject' line, then reload PostgreSQL."
    done
fi
say "PostgreSQL ready on localhost:$PG_PORT (role $DB_USER, databases ${DATABASES[*]}) in $(elapsed $t)"

# ---------------------------------------------------------------------------------- Kafka

t=$SECONDS
mkdir -p "$KAFKA_DIR/data"
cat >"$KAFKA_DIR/server.properties" <<EOF
# written by infra/local/start.sh at every start: edit the script, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
cat >"$KAFKA_DIR/log4j.properties" <<'EOF'
# the broker logs to stdout, which start.sh sends to .run/kafka.log
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.org.apache.kafka.clients=WARN
EOF
cat >"$KAFKA_DIR/tools-log4j.properties" <<'EOF'
# for the command-line tools (storage format, topics, console consumer): warnings only
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF

kafka_tool() {
    "$JAVA" -Dlog4j.configuration="file:$KAFKA_DIR/tools-log4j.properties" -cp "$KAFKA_LIBS/*" "$@"
}

KAFKA_FORMATTED=0
if running kafka; then
    say "Kafka is already running on 127.0.0.1:$KAFKA_PORT (pid $(our_pid kafka)): keeping it"
else
    if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
        cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)"
        # a static voter set (controller.quorum.voters): 'format -t ID -c FILE' is enough, no --standalone
        kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/format.out" 2>&1 ||
            { cat "$KAFKA_DIR/format.out" >&2; die "formatting the Kafka storage failed"; }
        KAFKA_FORMATTED=1
        say "Formatted new Kafka storage (cluster id $cluster_id)"
    fi

    say "Starting Kafka (KRaft, broker+controller) on 127.0.0.1:$KAFKA_PORT"
    launch kafka "$RUN_DIR/kafka.log" "$JAVA" "$MARKER" -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
        -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties"
    kafka_pid="$(cat "$RUN_DIR/kafka.pid")"
    deadline=$((SECONDS + KAFKA_TIMEOUT))
    until grep -q 'Kafka Server started' "$RUN_DIR/kafka.log" 2>/dev/null && port_in_use "$KAFKA_PORT"; do
        if ! alive "$kafka_pid"; then
            show_log_tail "$RUN_DIR/kafka.log"
            die "the Kafka broker exited during start-up"
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$RUN_DIR/kafka.log"
            die "the Kafka broker was not started after ${KAFKA_TIMEOUT}s"
        fi
        sleep 0.3
    done
    say "Kafka ready on 127.0.0.1:$KAFKA_PORT in $(elapsed $t)"
fi

if ((KAFKA_FORMATTED && DB_HAD_TABLES)); then
    warn "the Kafka storage is new but database ${DATABASES[0]} already holds tables: events stored and
         published before may not be on the new topic. For a fresh start: infra/local/stop.sh --clean"
fi

# ---------------------------------------------------------------------------------- services

wait_healthy() { # NAME PORT
    local name=$1 port=$2 pid log="$RUN_DIR/$1.log" code deadline
    pid="$(cat "$RUN_DIR/$name.pid")"
    deadline=$((SECONDS + HEALTH_TIMEOUT))
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/actuator/health" || true)"
        [[ "$code" == 200 ]] && return 0
        if ! alive "$pid"; then
            show_log_tail "$log"
            die "$name exited during start-up (log: $log)"
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$log"
            die "$name was not healthy after ${HEALTH_TIMEOUT}s (last answer of /actuator/health: ${code:-none}; log: $log)"
        fi
        sleep 1
    done
}

# The local stack's own token signing key: the services check tokens with its public half, infra/local/token.sh signs
# with the private one. Kept across restarts; stop.sh --clean removes it with the run directory.
JWT_DIR="$RUN_DIR/jwt"
ensure_signing_key() {
    [[ -r "$JWT_DIR/private.pem" && -r "$JWT_DIR/public.pem" ]] && return
    command -v openssl >/dev/null || die "openssl is required to make the local token signing key"
    mkdir -p "$JWT_DIR" && chmod 700 "$JWT_DIR"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_DIR/private.pem" 2>/dev/null
    openssl pkey -in "$JWT_DIR/private.pem" -pubout -out "$JWT_DIR/public.pem"
    say "Made the local token signing key in $JWT_DIR"
}

# The key the command service signs audit checkpoints with (Ed25519, PKCS#8 PEM), kept across restarts like the token
# key so that a checkpoint taken yesterday still verifies; production mounts one from its secret store.
AUDIT_KEY="$RUN_DIR/audit/signing-key.pem"
ensure_audit_key() {
    [[ -r "$AUDIT_KEY" ]] && return
    command -v openssl >/dev/null || die "openssl is required to make the local audit signing key"
    mkdir -p "$(dirname "$AUDIT_KEY")" && chmod 700 "$(dirname "$AUDIT_KEY")"
    openssl genpkey -algorithm ed25519 -out "$AUDIT_KEY" 2>/dev/null
    say "Made the local audit signing key $AUDIT_KEY"
}

start_service() { # NAME PORT JAR DATABASE
    local name=$1 port=$2 jar=$3 db=$4 t=$SECONDS
    if running "$name"; then
        say "$name is already running (pid $(our_pid "$name")): keeping it"
        wait_healthy "$name" "$port"
        return
    fi
    say "Starting $name on port $port"
    # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is words
    launch "$name" "$RUN_DIR/$name.log" env \
        SERVER_PORT="$port" \
        POSTGRES_URL="jdbc:postgresql://localhost:$PG_PORT/$db" \
        POSTGRES_USER="$DB_USER" \
        POSTGRES_PASSWORD="$DB_PASSWORD" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        JWT_PUBLIC_KEY="$JWT_DIR/public.pem" \
        AUDIT_SIGNING_KEY="$AUDIT_KEY" \
        AXONIQ_UPDATE_CHECKER_DISABLED=true \
        "$JAVA" "$MARKER" $SERVICE_JAVA_OPTS -jar "$jar"
    wait_healthy "$name" "$port"
    say "$name healthy on http://localhost:$port in $(elapsed $t)"
}

ensure_signing_key
ensure_audit_key
if ((!INFRA_ONLY)); then
    start_service command-service "$COMMAND_PORT" "$COMMAND_JAR" "${DATABASES[0]}"
    start_service query-service "$QUERY_PORT" "$QUERY_JAR" "${DATABASES[1]}"

    if ((DEMO_DATA)); then
        if [[ -f "$DEMO_LOADER" ]]; then
            say "Loading the demo crisis (infra/demo-data/load.sh; log: $RUN_DIR/demo-data.log)"
            t=$SECONDS
            TIMELINE_TOKEN="$("$SCRIPT_DIR/token.sh" editor demo-loader)" \
                bash "$DEMO_LOADER" --command-url "http://localhost:$COMMAND_PORT" --query-url "http://localhost:$QUERY_PORT" \
                2>&1 | tee "$RUN_DIR/demo-data.log" ||
                die "loading the demo data failed (log: $RUN_DIR/demo-data.log)"
            say "Demo data loaded in $(elapsed $t)"
        else
            warn "$DEMO_LOADER not found: no demo data loaded"
        fi
    fi
fi

# ---------------------------------------------------------------------------------- summary

CONSUMER_CMD="java -Dlog4j.configuration=file:$KAFKA_DIR/tools-log4j.properties -cp '$KAFKA_LIBS/*' \\
      org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server 127.0.0.1:$KAFKA_PORT \\
      --topic $TOPIC --from-beginning --property print.key=true --property print.headers=true"
echo
echo "Crisis Timeline local stack is up ($(elapsed $T0))."
if ((!INFRA_ONLY)); then
    cat <<EOF

  command-service  http://localhost:$COMMAND_PORT   (health: http://localhost:$COMMAND_PORT/actuator/health)
  query-service    http://localhost:$QUERY_PORT   (health: http://localhost:$QUERY_PORT/actuator/health)

  Try:
    http://localhost:$QUERY_PORT/api/v1/timelines/countries/GB
    http://localhost:$QUERY_PORT/api/v1/timelines/countries/IQ
    http://localhost:$QUERY_PORT/api/v1/timelines/crises/iran-us-2020
    http://localhost:$QUERY_PORT/api/v1/timelines/actors/donald-trump
    http://localhost:$QUERY_PORT/api/v1/incidents/soleimani-killed-baghdad-airport

  Writes need a token:  TOKEN=\$(infra/local/token.sh recorder alice)   (roles: recorder, editor, admin)
                        curl -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' ...
EOF
else
    cat <<EOF

  Infrastructure only (--infra-only). Run the services from your IDE with
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
    POSTGRES_URL=jdbc:postgresql://localhost:$PG_PORT/${DATABASES[0]} (command-service)
                 jdbc:postgresql://localhost:$PG_PORT/${DATABASES[1]}  (query-service)
    POSTGRES_USER=$DB_USER POSTGRES_PASSWORD=$DB_PASSWORD
    JWT_PUBLIC_KEY=$JWT_DIR/public.pem   (tokens: infra/local/token.sh ROLE)
EOF
fi
cat <<EOF

  PostgreSQL  localhost:$PG_PORT  (psql -h localhost -U $DB_USER ${DATABASES[0]}; password $DB_PASSWORD)
  Kafka       127.0.0.1:$KAFKA_PORT  topic $TOPIC; to watch it:
    $CONSUMER_CMD

EOF
if ((INFRA_ONLY)); then
    echo "  Logs: $RUN_DIR/kafka.log"
else
    echo "  Logs: $RUN_DIR/{kafka,command-service,query-service}.log   (tail -f ...)"
fi

if ((DETACH)); then
    KEEP_RUNNING=1
    rm -f "$RUN_DIR/start.pid"
    echo "  Stop: infra/local/stop.sh   (add --clean to also delete Kafka data and drop the databases)"
    exit 0
fi
echo "  Stop: Ctrl-C here, or infra/local/stop.sh from another terminal"
echo

# Foreground: watch our processes; one dying unexpectedly takes the stack down (on_exit).
watched=(kafka)
((INFRA_ONLY)) || watched+=(command-service query-service)
while :; do
    for name in "${watched[@]}"; do
        pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null || true)"
        if [[ -z "$pid" ]] || ! alive "$pid"; then
            show_log_tail "$RUN_DIR/$name.log" 20
            die "$name stopped unexpectedly (log: $RUN_DIR/$name.log)"
        fi
    done
    sleep 2 &
    wait $! || true
done
