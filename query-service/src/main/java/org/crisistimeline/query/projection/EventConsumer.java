package org.crisistimeline.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crisistimeline.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the event topic into the read model. The container commits a record's offset only after {@link ReadModel}
 * committed its transaction; a failure propagates to the error handler of {@link ConsumerConfiguration}, which retries
 * the record and holds the partition.
 */
@Component
class EventConsumer {

    private final EventRecordReader reader;
    private final ReadModel readModel;

    EventConsumer(EventRecordReader reader, ReadModel readModel) {
        this.reader = reader;
        this.readModel = readModel;
    }

    @KafkaListener(topics = Topics.EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(readModel::apply);
    }
}
