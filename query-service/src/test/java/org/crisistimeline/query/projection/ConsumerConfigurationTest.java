package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crisistimeline.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

class ConsumerConfigurationTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.EVENTS, 3);

    private final ConsumerRecord<String, byte[]> failed = new ConsumerRecord<>(Topics.EVENTS, 3, 42, "raab", null);
    private final ConsumerRecord<String, byte[]> next = new ConsumerRecord<>(Topics.EVENTS, 3, 43, "raab", null);

    @SuppressWarnings("unchecked")
    private final Consumer<String, byte[]> consumer = mock(Consumer.class);

    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
    private final ConsumerRecordRecoverer deadLetters = (record, exception) -> deadLettered.add(record);

    /** No waiting in the test; three attempts for a poison record, as configured by default. */
    private final DefaultErrorHandler handler = ConsumerConfiguration.errorHandler(
            deadLetters, new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS), new FixedBackOff(0, 2));

    @Test
    void aTransientFailureIsRetriedForEverAndNeverDeadLettered() {
        when(container.isRunning()).thenReturn(true);

        for (int attempt = 0; attempt < 20; attempt++) {
            assertStillInRetry(
                    attempt % 2 == 0
                            ? new CannotCreateTransactionException("Could not open JDBC Connection for transaction")
                            : new DataIntegrityViolationException(
                                    "wrapped", new SQLException("terminating connection", "57P01")));
        }

        assertThat(deadLettered).isEmpty();
        verify(consumer, times(20)).seek(PARTITION, 42);
        verify(consumer, never()).seek(PARTITION, 43);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAtOnceAndThePartitionGoesOn() {
        handle(new MalformedEvent(failed, "header ce_type is missing"));

        assertThat(deadLettered).containsExactly(failed);
        verify(consumer, never()).seek(PARTITION, 42);
        verify(consumer).seek(PARTITION, 43);
    }

    @Test
    void aFailingProjectionIsRetriedAFewTimesThenDeadLettered() {
        when(container.isRunning()).thenReturn(true);
        RuntimeException clash = new DuplicateKeyException("duplicate key value violates unique constraint");

        assertStillInRetry(clash);
        assertStillInRetry(clash);
        assertThat(deadLettered).isEmpty();
        handle(clash);

        assertThat(deadLettered).containsExactly(failed);
        verify(consumer, times(2)).seek(PARTITION, 42);
        verify(consumer).seek(PARTITION, 43);
    }

    @Test
    void aDatabaseOutageIsTransientAndABrokenRecordIsNot() {
        assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("down")))
                .isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("connection refused", "08001"))))
                .isTrue();
        // the server stopped between a batch's inserts and its commit: the rollback fails on the closed connection
        assertThat(Failures.isTransient(new org.springframework.transaction.TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(Failures.isTransient(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(Failures.isTransient(new MalformedEvent(failed, "the value is empty")))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("no location")))
                .isFalse();
    }

    @Test
    void retryWaitsLongerEachTimeUpToTheMaximumAndNeverGivesUp() {
        BackOffExecution execution = ConsumerConfiguration.retryBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .start();
        List<Long> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            waits.add(execution.nextBackOff());
        }

        assertThat(waits.subList(0, 7)).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        assertThat(waits).doesNotContain(BackOffExecution.STOP);
    }

    @Test
    void aPoisonRecordOfAPollIsDeadLetteredAloneAfterTheRecordsBeforeItAreCommitted() {
        ConsumerRecord<String, byte[]> before = new ConsumerRecord<>(Topics.EVENTS, 3, 41, "soleimani", null);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(Topics.EVENTS));

        // the error handler's way of saying that the rest of the poll is delivered again
        assertThatThrownBy(() -> handler.handleBatch(
                        failure(new BatchListenerFailedException(
                                "Could not apply the record",
                                new MalformedEvent(failed, "header ce_type is missing"),
                                failed)),
                        poll(before, failed, next),
                        consumer,
                        container,
                        () -> {}))
                .hasMessage("Seek to current after exception");

        assertThat(deadLettered).containsExactly(failed);
        verify(consumer).commitSync(Map.of(PARTITION, new OffsetAndMetadata(42)), null);
        verify(consumer).commitSync(Map.of(PARTITION, new OffsetAndMetadata(43)), null);
        verify(consumer).seek(PARTITION, 43);
        verify(consumer, never()).seek(PARTITION, 42);
    }

    @Test
    void aPollThatFailsBecauseTheDatabaseIsDownIsRetriedWholeAndNothingIsDeadLettered() {
        when(container.isRunning()).thenReturn(true);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(Topics.EVENTS));

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> handler.handleBatch(
                            failure(new BatchListenerFailedException(
                                    "Could not apply a poll",
                                    new CannotCreateTransactionException("Could not open JDBC Connection"),
                                    failed)),
                            poll(failed, next),
                            consumer,
                            container,
                            () -> {}))
                    .hasMessage("Record in retry and not yet recovered");
        }

        assertThat(deadLettered).isEmpty();
        verify(consumer, times(5)).seek(PARTITION, 42);
        verify(consumer, never()).commitSync(anyMap(), any());
    }

    /** The container calls the handler with the failed record and the rest of the poll. */
    private void handle(RuntimeException cause) {
        handler.handleRemaining(failure(cause), List.of(failed, next), consumer, container);
    }

    private void assertStillInRetry(RuntimeException cause) {
        assertThatThrownBy(() -> handle(cause))
                .as("the record is still in retry, not recovered")
                .hasMessage("Record in retry and not yet recovered");
    }

    @SafeVarargs
    private static ConsumerRecords<String, byte[]> poll(ConsumerRecord<String, byte[]>... records) {
        return new ConsumerRecords<>(Map.of(PARTITION, List.of(records)));
    }

    private static ListenerExecutionFailedException failure(RuntimeException cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
