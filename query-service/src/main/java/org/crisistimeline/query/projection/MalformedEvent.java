package org.crisistimeline.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of the topic that cannot be read: a required header is missing or garbled, the value is not the JSON of its
 * type, or its version is newer than this service knows. Reading it again cannot help, so it is dead-lettered at once
 * (never skipped): it waits in the database, with the later events of its aggregate behind it, for a fix and a retry.
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
