package org.crisistimeline.query.projection;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crisistimeline.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration
@EnableConfigurationProperties({TopicSettings.class, ConsumerSettings.class})
class ConsumerConfiguration {

    /** Where poison records go, with the error; dead letters are also kept, for retries, in the read model's database. */
    static final String DEAD_LETTER_TOPIC = Topics.EVENTS + ".dlt";

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** The command service declares the same topic; whichever starts first creates it. */
    @Bean
    NewTopic eventsTopic(TopicSettings topic) {
        return TopicBuilder.name(Topics.EVENTS)
                .partitions(topic.partitions())
                .replicas(topic.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topic.minInsyncReplicas()))
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()))
                .build();
    }

    @Bean
    NewTopic deadLetterTopic(TopicSettings topic) {
        return TopicBuilder.name(DEAD_LETTER_TOPIC)
                .partitions(topic.partitions())
                .replicas(topic.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topic.minInsyncReplicas()))
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.deadLetterRetentionMs()))
                .build();
    }

    /**
     * The only producer of this service, and it writes only to the dead-letter topic: the query service never
     * publishes an event, so rebuilding its read model from the topic cannot put anything on the topic again.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublisher(KafkaProperties properties) {
        var producers = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        // partition -1: the producer picks it by key, so the dead-letter topic needs no more partitions than this one
        return new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(producers), (record, exception) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
    }

    @Bean
    DeadLetterRecoverer deadLetterRecoverer(
            DeadLetterPublishingRecoverer deadLetterPublisher,
            DeadLetters deadLetters,
            TransactionTemplate transactions) {
        return new DeadLetterRecoverer(deadLetterPublisher, deadLetters, transactions);
    }

    /** Picked up by Spring Boot's listener container factory. */
    @Bean
    DefaultErrorHandler eventErrorHandler(DeadLetterRecoverer deadLetterRecoverer, ConsumerSettings consumer) {
        return errorHandler(
                deadLetterRecoverer,
                retryBackOff(consumer.retryInitialInterval(), consumer.retryMaxInterval()),
                new FixedBackOff(consumer.poisonRetryInterval().toMillis(), consumer.poisonAttempts() - 1L));
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
     * A record that fails is retried in place, holding its partition. What happens next depends on the failure:
     *
     * <ul>
     *   <li>transient (the database is down, a deadlock, ...: {@link Failures}): retried with {@code transientBackOff}
     *       for as long as it lasts; nothing is skipped or dead-lettered because of it;
     *   <li>unreadable ({@link MalformedEvent}: bad JSON, a missing header, a version this service does not know):
     *       dead-lettered at once, since reading it again cannot help;
     *   <li>any other failure of the projection: retried with {@code poisonBackOff}, a few quick times, then
     *       dead-lettered.
     * </ul>
     *
     * A dead-lettered record no longer holds the partition: the consumer goes on with it, and parks the later records
     * of the same aggregate until the dead letter is retried ({@link EventConsumer}).
     */
    static DefaultErrorHandler errorHandler(
            ConsumerRecordRecoverer deadLetters, BackOff transientBackOff, BackOff poisonBackOff) {
        var handler = new DefaultErrorHandler(deadLetters, poisonBackOff);
        handler.setBackOffFunction(
                (record, exception) -> Failures.isTransient(exception) ? transientBackOff : poisonBackOff);
        // by default conversion errors and a few others skip the retries; here only the unreadable record does
        handler.setClassifications(Map.of(MalformedEvent.class, false), true);
        handler.setRetryListeners((record, exception, deliveryAttempt) -> log.error(
                "Could not apply the event at {}-{}@{} (attempt {})",
                record.topic(),
                record.partition(),
                record.offset(),
                deliveryAttempt,
                exception));
        return handler;
    }
}
