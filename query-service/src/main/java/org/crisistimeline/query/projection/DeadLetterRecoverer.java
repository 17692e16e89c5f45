package org.crisistimeline.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to a poison record once the error handler gives up on it: it is published to the dead-letter topic,
 * with the error in Spring Kafka's {@code kafka_dlt-*} headers, for whoever watches it, and kept in the database as an
 * open dead letter, which holds back the later records of its aggregate until it is retried. The topic first: a crash
 * between the two delivers the record again, and it fails and comes here again, so neither is lost.
 */
class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer topic;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;

    DeadLetterRecoverer(
            DeadLetterPublishingRecoverer topic, DeadLetters deadLetters, TransactionTemplate transactions) {
        this.topic = topic;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> failed, Exception thrown) {
        Exception exception = withoutBatchWrapper(thrown);
        topic.accept(failed, exception);
        var record = (ConsumerRecord<String, byte[]>) failed;
        String aggregateId = HeldRecord.aggregateIdOf(record).orElse(null);
        long id = transactions.execute(status -> {
            if (aggregateId != null) {
                deadLetters.lock(aggregateId);
            }
            return deadLetters.add(aggregateId, HeldRecord.of(record), describe(exception));
        });
        log.warn(
                "Dead letter {}: the event at {}-{}@{} of {} could not be applied and was set aside; the later events"
                        + " of {} wait behind it until it is retried (POST /api/v1/admin/dead-letters/{}/retry)",
                id,
                record.topic(),
                record.partition(),
                record.offset(),
                aggregateId,
                aggregateId,
                id,
                exception);
    }

    /**
     * The failure as the listener of one record would have thrown it: the {@link BatchListenerFailedException} in
     * between only said which record of the poll failed, and would otherwise be what the dead-letter topic's headers
     * and the dead letter's error name.
     */
    static Exception withoutBatchWrapper(Exception thrown) {
        if (thrown instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() instanceof Exception cause) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), cause);
        }
        if (thrown instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause) {
            return cause;
        }
        return thrown;
    }

    /** The error as an operator reads it: the exception that the listener threw, with its causes. */
    static String describe(Throwable exception) {
        Throwable failure = exception instanceof ListenerExecutionFailedException && exception.getCause() != null
                ? exception.getCause()
                : exception;
        var text = new StringBuilder(failure.getClass().getName() + ": " + failure.getMessage());
        for (Throwable cause = failure.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            text.append("\ncaused by ")
                    .append(cause.getClass().getName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }
}
