package org.crisistimeline.query.projection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.crisistimeline.events.CloudEventHeaders;

/**
 * A record of the event topic kept in the database (as a dead letter, or parked behind one) to be applied later, as it
 * was read: where it lay, its key, its headers as UTF-8 text and its value.
 */
public record HeldRecord(
        String topic, int partition, long offset, String key, List<HeldRecord.Header> headers, byte[] value) {

    public HeldRecord {
        headers = List.copyOf(headers);
    }

    public record Header(String key, String value) {}

    static HeldRecord of(ConsumerRecord<String, byte[]> record) {
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            headers.add(new Header(header.key(), header.value() == null ? null : new String(header.value(), UTF_8)));
        }
        return new HeldRecord(
                record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }

    /** The record again, for the reader that failed on it or waited for it. */
    ConsumerRecord<String, byte[]> toConsumerRecord() {
        var recordHeaders = new RecordHeaders();
        for (Header header : headers) {
            recordHeaders.add(
                    header.key(), header.value() == null ? null : header.value().getBytes(UTF_8));
        }
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                key,
                value,
                recordHeaders,
                Optional.empty());
    }

    /** The last value of a header, as {@code Headers.lastHeader} reads it. */
    public Optional<String> header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(name)) {
                return Optional.ofNullable(headers.get(i).value());
            }
        }
        return Optional.empty();
    }

    /**
     * The aggregate the record belongs to: {@code ce_subject}, else the key (the same by contract), else none. Read
     * without the rest of the record, so that even an unreadable record holds back the aggregate it names.
     */
    static Optional<String> aggregateIdOf(ConsumerRecord<String, byte[]> record) {
        org.apache.kafka.common.header.Header subject = record.headers().lastHeader(CloudEventHeaders.SUBJECT);
        if (subject != null && subject.value() != null) {
            String value = new String(subject.value(), UTF_8).strip();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(record.key()).filter(key -> !key.isBlank());
    }
}
