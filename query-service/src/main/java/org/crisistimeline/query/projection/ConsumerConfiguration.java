package org.crisistimeline.query.projection;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.crisistimeline.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** The command service declares the same topic; whichever starts first creates it. */
    @Bean
    NewTopic eventsTopic(
            @Value("${crisis-timeline.topic.partitions}") int partitions,
            @Value("${crisis-timeline.topic.replication-factor}") short replicationFactor) {
        return TopicBuilder.name(Topics.EVENTS)
                .partitions(partitions)
                .replicas(replicationFactor)
                .build();
    }

    /** Picked up by Spring Boot's listener container factory. */
    @Bean
    DefaultErrorHandler eventErrorHandler(
            @Value("${crisis-timeline.consumer.retry-initial-interval}") Duration initialInterval,
            @Value("${crisis-timeline.consumer.retry-max-interval}") Duration maxInterval) {
        return blockingErrorHandler(retryBackOff(initialInterval, maxInterval));
    }

    /** Doubles the wait after each failure up to {@code maxInterval}, and never gives up. */
    static BackOff retryBackOff(Duration initialInterval, Duration maxInterval) {
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Integer.MAX_VALUE);
        return backOff;
    }

    /**
     * Retries a failed record with the back-off and never skips it: the records after it in its partition wait, for
     * the events of one aggregate must be applied in order and none may be lost. (A dead-letter topic will take
     * records that can never be read.)
     */
    static DefaultErrorHandler blockingErrorHandler(BackOff backOff) {
        var handler = new DefaultErrorHandler(
                (record, exception) -> {
                    // only reached if the back-off ever ends; failing here makes the container seek back again
                    throw new IllegalStateException(
                            "Not skipping " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                            exception);
                },
                backOff);
        // by default some exceptions (conversion, ClassCastException, ...) skip the retries and go to the recoverer
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners((record, exception, deliveryAttempt) -> log.error(
                "Could not apply the event at {}-{}@{} (attempt {}); the partition waits and the event is retried",
                record.topic(),
                record.partition(),
                record.offset(),
                deliveryAttempt,
                exception));
        return handler;
    }
}
