package org.crisistimeline.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.crisistimeline.events.Topics;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
@EnableConfigurationProperties(TopicSettings.class)
class PublishingConfiguration {

    /**
     * Created at start-up if missing; a topic that exists keeps its settings (change them with kafka-configs, see
     * docs/events.md). Production runs 3 replicas with min.insync.replicas=2, so that with acks=all an acknowledged
     * event is on two brokers; the local stack has one of each. Retention is unlimited by default: read models and new
     * subscribers replay the topic from its start.
     */
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
    KafkaTemplate<String, byte[]> eventTemplate(KafkaProperties properties) {
        var producers = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(producers);
    }

    /**
     * Axon's default for a failing event handler is to log and go on, which for the publisher would mean an event
     * skipped for good. Propagating fails the batch instead: the processor backs off and retries from its last
     * committed position.
     */
    @Bean
    ConfigurerModule publisherFailsLoudly() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        EventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
