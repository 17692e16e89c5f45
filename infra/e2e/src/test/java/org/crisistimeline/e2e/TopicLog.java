package org.crisistimeline.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The event topic read whole, as (subject, sequence) per record in each partition's order, and what it says against
 * the event store: events missing or extra, records sent more than once (allowed: delivery is at least once), and any
 * event that reached the topic before its predecessor.
 */
record TopicLog(List<Message> messages) {

    record Message(String subject, long sequence, int partition, long offset) {}

    static TopicLog read(String bootstrapServers, String topic) {
        List<Message> messages = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "fault-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the topic was not read to its end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(new Message(
                            header(record, "ce_subject"),
                            Long.parseLong(header(record, "ce_sequence")),
                            record.partition(),
                            record.offset()));
                }
            }
        }
        return new TopicLog(messages);
    }

    /** The records of the subjects that start with {@code prefix}: one fault's incidents. */
    TopicLog ofPrefix(String prefix) {
        return new TopicLog(messages.stream()
                .filter(m -> m.subject() != null && m.subject().startsWith(prefix))
                .toList());
    }

    /** Each subject's distinct sequences on the topic. */
    Map<String, Set<Long>> events() {
        Map<String, Set<Long>> events = new HashMap<>();
        messages.forEach(
                m -> events.computeIfAbsent(m.subject(), s -> new HashSet<>()).add(m.sequence()));
        return events;
    }

    long distinct() {
        return events().values().stream().mapToLong(Set::size).sum();
    }

    /** Records beyond the first of each (subject, sequence). */
    long duplicates() {
        return messages.size() - distinct();
    }

    /** Events whose first record came before the first record of their predecessor, in their partition's order. */
    List<Message> outOfOrder() {
        Map<String, Set<Long>> seen = new HashMap<>();
        List<Message> outOfOrder = new ArrayList<>();
        messages.stream()
                .sorted(java.util.Comparator.comparingInt(Message::partition).thenComparingLong(Message::offset))
                .forEach(m -> {
                    Set<Long> ofSubject = seen.computeIfAbsent(m.subject(), s -> new HashSet<>());
                    if (m.sequence() > 0
                            && !ofSubject.contains(m.sequence() - 1)
                            && !ofSubject.contains(m.sequence())) {
                        outOfOrder.add(m);
                    }
                    ofSubject.add(m.sequence());
                });
        return outOfOrder;
    }

    /** The stored events, as "subject#sequence", that are not on the topic. */
    static List<String> missing(Map<String, List<Long>> stored, Map<String, Set<Long>> published) {
        List<String> missing = new ArrayList<>();
        stored.forEach((subject, sequences) -> sequences.stream()
                .filter(sequence -> !published.getOrDefault(subject, Set.of()).contains(sequence))
                .forEach(sequence -> missing.add(subject + "#" + sequence)));
        return missing;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
