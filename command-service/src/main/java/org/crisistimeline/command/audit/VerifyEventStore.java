package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.EventJson;

/**
 * The offline verifier: walks an event store over plain JDBC, without the service or Spring, and prints every break.
 * Run by {@code infra/audit/verify.sh}, which starts it from the command-service jar:
 *
 * <pre>{@code
 * infra/audit/verify.sh [--url JDBC_URL] [--user USER] [--password PASSWORD]
 *                       [--checkpoint checkpoint.json [--public-key audit-key.pub.pem]]
 * }</pre>
 *
 * Connection settings default to {@code POSTGRES_URL}, {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD}, as for the
 * service. One line per break ({@code KIND aggregateId sequence detail}, tab-separated), then a summary. Exit status 0:
 * intact; 1: breaks found; 2: could not verify (bad arguments, unreachable database, a checkpoint that is not
 * authentic).
 */
public final class VerifyEventStore {

    private static final Set<String> OPTIONS = Set.of("--url", "--user", "--password", "--checkpoint", "--public-key");

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int NOT_VERIFIED = 2;

    private VerifyEventStore() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        options.put(
                "--url", environment.getOrDefault("POSTGRES_URL", "jdbc:postgresql://localhost:5432/timeline_events"));
        options.put("--user", environment.getOrDefault("POSTGRES_USER", "timeline"));
        options.put("--password", environment.getOrDefault("POSTGRES_PASSWORD", "timeline"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                out.println(USAGE);
                return INTACT;
            }
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                err.println("unknown option or missing value: " + args[i] + "\n" + USAGE);
                return NOT_VERIFIED;
            }
            options.put(args[i], args[++i]);
        }
        try {
            Checkpoint checkpoint = null;
            if (options.containsKey("--checkpoint")) {
                checkpoint = readCheckpoint(Path.of(options.get("--checkpoint")));
                PublicKey key = trustedKey(checkpoint, options.get("--public-key"), err);
                checkpoint.verify(key);
                out.printf(
                        "checkpoint of %s signed by key %s: authentic%n", checkpoint.createdAt(), checkpoint.keyId());
            }
            Map<String, Checkpoint.Head> heads = checkpoint == null ? Map.of() : checkpoint.headsByAggregate();
            ChainWalk.Summary summary;
            try (Connection connection = DriverManager.getConnection(
                    options.get("--url"), options.get("--user"), options.get("--password"))) {
                summary = ChainWalk.inSnapshot(
                        connection,
                        c -> ChainWalk.walk(
                                c,
                                heads,
                                found -> out.println(String.join(
                                        "\t",
                                        found.kind().name(),
                                        found.aggregateId(),
                                        Long.toString(found.sequence()),
                                        found.detail())),
                                head -> {}));
            }
            out.printf(
                    "%s: %d aggregates, %d events, %d breaks%n",
                    summary.breaks() == 0 ? "intact" : "BROKEN",
                    summary.aggregates(),
                    summary.events(),
                    summary.breaks());
            return summary.breaks() == 0 ? INTACT : BROKEN;
        } catch (Checkpoint.NotAuthentic refused) {
            err.println("checkpoint refused: " + refused.getMessage());
            return NOT_VERIFIED;
        } catch (SQLException | IOException | GeneralSecurityException | RuntimeException e) {
            err.println("could not verify: " + e);
            return NOT_VERIFIED;
        }
    }

    private static Checkpoint readCheckpoint(Path file) throws IOException {
        ObjectMapper json = EventJson.newMapper();
        return json.readValue(file.toFile(), Checkpoint.class);
    }

    private static PublicKey trustedKey(Checkpoint checkpoint, String publicKeyFile, PrintStream err)
            throws IOException, GeneralSecurityException {
        if (publicKeyFile != null) {
            return CheckpointSigner.publicKeyFromPem(Files.readString(Path.of(publicKeyFile), US_ASCII));
        }
        // without a key of one's own the check only shows that the checkpoint is unchanged since it was signed
        err.println("warning: no --public-key given; the checkpoint is checked against the key it carries itself ("
                + checkpoint.keyId() + "): compare that key id with the service's (GET /api/v1/audit/public-key)");
        return CheckpointSigner.publicKeyFromBase64(checkpoint.publicKey());
    }

    private static final String USAGE = """
            usage: verify.sh [--url JDBC_URL] [--user USER] [--password PASSWORD] \
            [--checkpoint FILE [--public-key PEM_FILE]]
              --url, --user, --password  the event store (default: POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)
              --checkpoint FILE          a checkpoint from GET /api/v1/audit/checkpoint to compare the store with
              --public-key PEM_FILE      the service's public key (GET /api/v1/audit/public-key) to check it with
            exit status: 0 intact, 1 breaks found, 2 not verified""";
}
