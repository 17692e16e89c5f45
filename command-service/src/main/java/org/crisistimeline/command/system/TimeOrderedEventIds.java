package org.crisistimeline.command.system;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Event identifiers as UUIDv7 (RFC 9562) rather than Axon's random UUIDs: time-ordered, so the event table's unique
 * index on them grows at its end, as the global index does. With random ones each insert went to a random page of an
 * index of millions of entries, most of an import's insert time and write-ahead log. Axon finds this factory through
 * {@link java.util.ServiceLoader} (META-INF/services).
 */
public final class TimeOrderedEventIds extends IdentifierFactory {

    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return UUID_V7.generate().toString();
    }
}
