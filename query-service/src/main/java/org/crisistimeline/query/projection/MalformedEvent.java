package org.crisistimeline.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of the topic that cannot be read: a required header is missing or garbled, or the value is not the JSON of
 * its type. It is never skipped: the partition waits for a fix rather than lose an event.
 */
public class MalformedEvent extends RuntimeException {

    MalformedEvent(ConsumerRecord<?, ?> record, String problem, Throwable cause) {
        super(
                "Unreadable event at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                        + problem,
                cause);
    }

    MalformedEvent(ConsumerRecord<?, ?> record, String problem) {
        this(record, problem, null);
    }
}
