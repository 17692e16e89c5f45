package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.crisistimeline.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

class ConsumerConfigurationTest {

    private final ConsumerRecord<String, byte[]> failed = new ConsumerRecord<>(Topics.EVENTS, 3, 42, "raab", null);
    private final ConsumerRecord<String, byte[]> next = new ConsumerRecord<>(Topics.EVENTS, 3, 43, "raab", null);

    @SuppressWarnings("unchecked")
    private final Consumer<String, byte[]> consumer = mock(Consumer.class);

    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    @Test
    void failedEventIsRetriedAndNeverSkipped() {
        DefaultErrorHandler handler =
                ConsumerConfiguration.blockingErrorHandler(new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS));
        when(container.isRunning()).thenReturn(true);

        for (int attempt = 0; attempt < 5; attempt++) {
            handle(handler, new MalformedEvent(failed, "header ce_type is missing"));
        }
        // even an exception that Spring Kafka by default sends straight to the recoverer, which would skip it
        handle(handler, new ClassCastException("boom"));

        verify(consumer, times(6)).seek(new TopicPartition(Topics.EVENTS, 3), 42);
        verify(consumer, never()).seek(new TopicPartition(Topics.EVENTS, 3), 43);
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

    /** The container calls the handler with the failed record and the rest of the poll. */
    private void handle(DefaultErrorHandler handler, RuntimeException cause) {
        List<ConsumerRecord<?, ?>> remaining = List.of(failed, next);
        assertThatThrownBy(() -> handler.handleRemaining(failure(cause), remaining, consumer, container))
                .as("the record is still in retry, not recovered")
                .hasMessage("Record in retry and not yet recovered");
    }

    private static ListenerExecutionFailedException failure(RuntimeException cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
