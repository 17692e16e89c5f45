package org.crisistimeline.command.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Verification and checkpoints of the event store, for the audit endpoints. */
@Component
class EventStoreAudit {

    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final Clock clock;

    EventStoreAudit(DataSource dataSource, CheckpointSigner signer, Clock clock) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.clock = clock;
    }

    /** Walks the whole store; lists at most {@code limit} breaks and counts them all. */
    VerificationReport verify(int limit) {
        return walk(Map.of(), limit, null);
    }

    /**
     * Checks that {@code checkpoint} was signed with this service's key, then walks the store comparing it with the
     * checkpoint's heads.
     *
     * @throws Checkpoint.NotAuthentic if the checkpoint was not signed with this service's key, or was changed
     */
    VerificationReport verify(Checkpoint checkpoint, int limit) {
        checkpoint.verify(signer.publicKey());
        return walk(checkpoint.headsByAggregate(), limit, checkpoint.createdAt());
    }

    /** The heads of every aggregate now, signed; taken from a walk, whose break count it records. */
    Checkpoint checkpoint() {
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Checkpoint.Head> heads = new ArrayList<>();
        ChainWalk.Summary summary =
                inSnapshot(connection -> ChainWalk.walk(connection, Map.of(), ignored -> {}, heads::add));
        return Checkpoint.sign(createdAt, summary.events(), summary.breaks(), heads, signer);
    }

    String publicKeyPem() {
        return CheckpointSigner.publicKeyPem(signer.publicKey());
    }

    private VerificationReport walk(Map<String, Checkpoint.Head> checkpointHeads, int limit, Instant checkpointAt) {
        Instant verifiedAt = clock.instant();
        List<Break> listed = new ArrayList<>();
        ChainWalk.Summary summary = inSnapshot(connection -> ChainWalk.walk(
                connection,
                checkpointHeads,
                found -> {
                    if (listed.size() < limit) {
                        listed.add(found);
                    }
                },
                head -> {}));
        return new VerificationReport(
                verifiedAt,
                summary.breaks() == 0,
                summary.aggregates(),
                summary.events(),
                summary.breaks(),
                listed,
                checkpointAt);
    }

    private <T> T inSnapshot(ChainWalk.SqlWork<T> work) {
        // a connection of its own, outside any Spring transaction: the walk sets its own isolation and read-only mode
        try (Connection connection = dataSource.getConnection()) {
            return ChainWalk.inSnapshot(connection, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
    }
}
