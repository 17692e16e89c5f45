package org.crisistimeline.command.publishing;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.topic}: the settings of the topics when this service creates them (docs/events.md).
 *
 * @param partitions partitions of the event topic (TOPIC_PARTITIONS)
 * @param replicationFactor copies of each partition (TOPIC_REPLICATION_FACTOR): 3 in production, 1 on one broker
 * @param minInsyncReplicas copies that must acknowledge a write (TOPIC_MIN_INSYNC_REPLICAS): 2 in production
 * @param retentionMs how long events are kept, -1 for ever (TOPIC_RETENTION_MS)
 */
@ConfigurationProperties("crisis-timeline.topic")
@Validated
record TopicSettings(
        @Min(1) int partitions,
        @Min(1) short replicationFactor,
        @Min(1) int minInsyncReplicas,
        @Min(-1) long retentionMs) {}
