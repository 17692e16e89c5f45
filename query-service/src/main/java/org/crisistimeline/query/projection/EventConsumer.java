package org.crisistimeline.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crisistimeline.events.Topics;
import org.crisistimeline.query.event.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the event topic into the read model, a poll at a time. The container commits the offsets of a poll only
 * after this returned, so after {@link ReadModel} committed the transactions that applied it.
 *
 * <p>The records of a poll are applied together, in one transaction: a commit per record would cost most of the time
 * of a rebuild. If that transaction fails for a reason that is not transient, it is rolled back and the records are
 * applied again one by one, each in its own transaction as before; the first that fails is reported to the error
 * handler of {@link ConsumerConfiguration} ({@link BatchListenerFailedException}), which commits the offsets of the
 * records before it, retries it, and dead-letters it if it is poison: a poison record is set aside alone, and the
 * rest of its poll is applied.
 *
 * <p>The events of an aggregate are applied in order: while the aggregate has an open dead letter, its later records
 * are parked behind it in the database (and the partition goes on with the other aggregates). The check and the
 * apply are one transaction that holds the aggregate's lock, against a retry of the same aggregate's dead letter.
 */
@Component
class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventRecordReader reader;
    private final ReadModel readModel;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;
    private final DeferredIndexes deferredIndexes;
    private final ProjectionLag lag;

    EventConsumer(
            EventRecordReader reader,
            ReadModel readModel,
            DeadLetters deadLetters,
            TransactionTemplate transaction,
            DeferredIndexes deferredIndexes,
            ProjectionLag lag) {
        this.reader = reader;
        this.readModel = readModel;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
        this.deferredIndexes = deferredIndexes;
        this.lag = lag;
    }

    @KafkaListener(topics = Topics.EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        if (records.isEmpty()) {
            return;
        }
        try {
            lag.applied(transaction.execute(status -> applyTogether(records)));
            deferredIndexes.buildIfCaughtUp(consumer);
            return;
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                // the database, not a record: the whole poll waits and is tried again, nothing is skipped
                throw new BatchListenerFailedException("Could not apply a poll", failure, records.get(0));
            }
            log.info(
                    "Could not apply a poll of {} records together ({}); applying them one by one",
                    records.size(),
                    failure.toString());
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                applyAlone(record);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("Could not apply the record", failure, record);
            }
        }
    }

    /** @return the events read from the records (those applied before are among them, and change nothing) */
    private List<EventEnvelope> applyTogether(List<ConsumerRecord<String, byte[]>> records) {
        // each record's aggregate, read from its headers once
        String[] aggregateOf = new String[records.size()];
        Set<String> aggregateIds = new LinkedHashSet<>();
        for (int i = 0; i < aggregateOf.length; i++) {
            aggregateOf[i] = HeldRecord.aggregateIdOf(records.get(i)).orElse(null);
            if (aggregateOf[i] != null) {
                aggregateIds.add(aggregateOf[i]);
            }
        }
        deadLetters.lock(aggregateIds);
        Set<String> heldBack = deadLetters.heldBack(aggregateIds);
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (int i = 0; i < aggregateOf.length; i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (aggregateOf[i] != null && heldBack.contains(aggregateOf[i])) {
                deadLetters.park(aggregateOf[i], HeldRecord.of(record));
            } else {
                reader.read(record).ifPresent(events::add);
            }
        }
        readModel.applyAll(events);
        return events;
    }

    private void applyAlone(ConsumerRecord<String, byte[]> record) {
        transaction.executeWithoutResult(status -> {
            String aggregateId = HeldRecord.aggregateIdOf(record).orElse(null);
            if (aggregateId != null) {
                deadLetters.lock(aggregateId);
                if (deadLetters.isHeldBack(aggregateId)) {
                    deadLetters.park(aggregateId, HeldRecord.of(record));
                    return;
                }
            }
            reader.read(record).ifPresent(readModel::apply);
        });
    }
}
