package org.crisistimeline.bench.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crisistimeline.bench.load.OpenLoad;

/**
 * The raw baselines on the broker: a plain producer with the settings the command service publishes with (acks=all,
 * idempotent) and a plain consumer, on topics of their own with as many partitions as the event topic.
 */
public final class RawKafka {

    private final String bootstrap;

    public RawKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public void createTopic(String topic, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    public KafkaProducer<String, byte[]> producer() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    public KafkaConsumer<String, byte[]> consumer() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends {@code count} records as fast as the producer takes them and waits for every acknowledgement. */
    public double produce(String topic, long count, LongFunction<ProducerRecord<String, byte[]>> record)
            throws InterruptedException, ExecutionException {
        try (var producer = producer()) {
            long start = System.nanoTime();
            var failed = new AtomicBoolean();
            for (long i = 0; i < count; i++) {
                producer.send(record.apply(i), (metadata, error) -> {
                    if (error != null) {
                        failed.set(true);
                    }
                });
            }
            producer.flush();
            if (failed.get()) {
                throw new ExecutionException("a send was not acknowledged", null);
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Reads every record of the topic from its start to its current end; records per second. */
    public Read readAll(String topic) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long start = System.nanoTime();
            while (read < total) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        read++;
                    }
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                    break;
                }
            }
            return new Read(read, (System.nanoTime() - start) / 1e9);
        }
    }

    public record Read(long records, double seconds) {
        public double perSecond() {
            return records / seconds;
        }
    }

    /**
     * Produce-to-consume latency at a fixed rate: record i is due at its time in the open schedule and carries that
     * time; a consumer on the same machine (same clock) reads it back.
     */
    public Histogram latencyAtRate(String topic, double rate, Duration duration, byte[] value)
            throws InterruptedException {
        var latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        var running = new AtomicBoolean(true);
        try (var producer = producer();
                var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            Thread reader = new Thread(
                    () -> {
                        while (running.get()) {
                            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                                long sentAt = ByteBuffer.wrap(record.value()).getLong();
                                latencies.recordValue(Math.max(0, System.nanoTime() - sentAt));
                            }
                        }
                    },
                    "raw-consumer");
            reader.start();
            OpenLoad.run(rate, duration, 10_000, i -> {
                var sent = new CompletableFuture<Boolean>();
                byte[] stamped = ByteBuffer.allocate(8 + value.length)
                        .putLong(System.nanoTime())
                        .put(value)
                        .array();
                producer.send(
                        new ProducerRecord<>(topic, "key-" + i, stamped),
                        (metadata, error) -> sent.complete(error == null));
                return sent;
            });
            Thread.sleep(1_000);
            running.set(false);
            reader.join(5_000);
        }
        return latencies;
    }
}
