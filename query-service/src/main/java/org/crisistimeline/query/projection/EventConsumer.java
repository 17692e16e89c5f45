package org.crisistimeline.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crisistimeline.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the event topic into the read model. The container commits a record's offset only after {@link ReadModel}
 * committed its transaction; a failure propagates to the error handler of {@link ConsumerConfiguration}, which retries
 * the record, and dead-letters it if it is poison.
 *
 * <p>The events of an aggregate are applied in order: while the aggregate has an open dead letter, its later records
 * are parked behind it in the database (and the partition goes on with the other aggregates). The check and the
 * apply are one transaction that holds the aggregate's lock, against a retry of the same aggregate's dead letter.
 */
@Component
class EventConsumer {

    private final EventRecordReader reader;
    private final ReadModel readModel;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;

    EventConsumer(
            EventRecordReader reader, ReadModel readModel, DeadLetters deadLetters, TransactionTemplate transaction) {
        this.reader = reader;
        this.readModel = readModel;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
    }

    @KafkaListener(topics = Topics.EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
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
