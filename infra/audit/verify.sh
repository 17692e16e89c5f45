#!/usr/bin/env bash
# Offline check of the event store's tamper evidence, without the command service running: walks every aggregate's
# hash chain over JDBC and prints every break; with --checkpoint, first checks the checkpoint's signature and then that
# the store still holds every head it saw. Runs a plain main class from the command-service jar.
#
#   infra/audit/verify.sh                                   # POSTGRES_URL / POSTGRES_USER / POSTGRES_PASSWORD
#   infra/audit/verify.sh --url jdbc:postgresql://host:5432/timeline_events --user auditor
#   infra/audit/verify.sh --checkpoint checkpoint.json --public-key audit-key.pub.pem
#
# Exit status: 0 intact, 1 breaks found, 2 not verified. Prefer POSTGRES_PASSWORD to --password (which ps shows).
set -Eeuo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${COMMAND_SERVICE_JAR:-$REPO_ROOT/command-service/target/command-service-0.1.0-SNAPSHOT.jar}"
if [[ ! -f "$JAR" ]]; then
    echo "No command-service jar at $JAR; build it with: ./mvnw -B -q -DskipTests package -pl command-service -am" >&2
    exit 2
fi

# PropertiesLauncher puts the jar's own classes and libraries (the PostgreSQL driver among them) on the class path and
# runs loader.main instead of the service.
exec java -Dloader.main=org.crisistimeline.command.audit.VerifyEventStore \
    -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
