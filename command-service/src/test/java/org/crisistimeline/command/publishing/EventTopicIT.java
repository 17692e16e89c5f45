package org.crisistimeline.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.crisistimeline.events.Topics;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The topic the service creates, and the publisher's promise to move only forward. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class EventTopicIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theTopicIsCreatedWithMinInsyncReplicasAndUnlimitedRetentionAsTopicSettings() throws Exception {
        Config config = topicConfig(Topics.EVENTS);

        assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG))
                .satisfies(entry -> assertThat(entry.value()).isEqualTo("1"))
                .satisfies(
                        entry -> assertThat(entry.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
        assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG))
                .satisfies(entry -> assertThat(entry.value()).isEqualTo("-1"))
                .satisfies(
                        entry -> assertThat(entry.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
    }

    @Test
    void thePublisherCannotBeResetSoAReplayNeverPublishesAgain() {
        StreamingEventProcessor publisher = processing
                .eventProcessor(EventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();

        assertThat(publisher.supportsReset()).isFalse();
        assertThatThrownBy(publisher::resetTokens)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not support a reset");
        assertThat(publisher.isRunning()).as("and it keeps publishing").isTrue();
    }

    private static Config topicConfig(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(java.util.List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
        }
    }
}
