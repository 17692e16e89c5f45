package org.crisistimeline.command.audit;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a walk of the event store.
 *
 * @param intact no break found
 * @param breakCount every break found; {@code breaks} lists the first of them, up to a limit
 * @param checkpointCreatedAt when the checkpoint the store was compared with was taken, or null for none
 */
public record VerificationReport(
        Instant verifiedAt,
        boolean intact,
        long aggregates,
        long events,
        long breakCount,
        List<Break> breaks,
        Instant checkpointCreatedAt) {}
