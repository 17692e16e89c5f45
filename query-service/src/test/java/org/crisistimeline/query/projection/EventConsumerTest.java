package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** How a poll is applied: together, or, when that fails, one record at a time up to the one that fails. */
class EventConsumerTest {

    private final EventRecordReader reader = mock(EventRecordReader.class);
    private final ReadModel readModel = mock(ReadModel.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final DeferredIndexes deferredIndexes = mock(DeferredIndexes.class);
    private final Consumer<?, ?> kafka = mock(Consumer.class);
    private final EventConsumer consumer = new EventConsumer(
            reader,
            readModel,
            deadLetters,
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            deferredIndexes,
            new ProjectionLag());

    private final List<ConsumerRecord<String, byte[]>> poll = List.of(record(0), record(1), record(2), record(3));
    private final List<String> appliedAlone = new ArrayList<>();

    @BeforeEach
    void setUp() {
        when(deadLetters.heldBack(any())).thenReturn(Set.of());
        when(reader.read(any())).thenAnswer(call -> Optional.of(event(call.getArgument(0))));
    }

    @Test
    void aPollIsAppliedTogetherInOneCall() {
        consumer.on(poll, kafka);

        verify(readModel).applyAll(anyList());
        verify(readModel, never()).apply(any());
        verify(deferredIndexes).buildIfCaughtUp(kafka);
    }

    @Test
    void aPollThatFailsIsAppliedOneByOneAndTheFirstRecordThatFailsIsReportedAlone() {
        when(readModel.applyAll(anyList())).thenThrow(new DuplicateKeyException("in the way"));
        doAnswer(call -> {
                    EventEnvelope event = call.getArgument(0);
                    if (event.aggregateId().equals("crisis-2")) {
                        throw new DuplicateKeyException("in the way");
                    }
                    appliedAlone.add(event.aggregateId());
                    return true;
                })
                .when(readModel)
                .apply(any());

        assertThatThrownBy(() -> consumer.on(poll, kafka))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failure -> assertThat(failure.getRecord()).isSameAs(poll.get(2)))
                .hasCauseInstanceOf(DuplicateKeyException.class);
        // the records before it are applied, each in its own transaction; the error handler commits their offsets
        // and delivers the ones after it again
        assertThat(appliedAlone).containsExactly("crisis-0", "crisis-1");
    }

    @Test
    void aPollThatFailsBecauseTheDatabaseIsDownIsTriedAgainWhole() {
        when(readModel.applyAll(anyList())).thenThrow(new CannotGetJdbcConnectionException("down"));

        assertThatThrownBy(() -> consumer.on(poll, kafka))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failure -> assertThat(failure.getRecord()).isSameAs(poll.get(0)))
                .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(appliedAlone).isEmpty();
    }

    @Test
    void theRecordsOfAHeldBackAggregateAreParkedAndTheOthersApplied() {
        when(deadLetters.heldBack(any())).thenReturn(Set.of("crisis-1"));

        consumer.on(poll, kafka);

        verify(deadLetters).park(any(), any());
        verify(readModel).applyAll(List.of(event(poll.get(0)), event(poll.get(2)), event(poll.get(3))));
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(Topics.EVENTS, 0, offset, "crisis-" + offset, new byte[0]);
    }

    private static EventEnvelope event(ConsumerRecord<String, byte[]> record) {
        return new EventEnvelope(
                EventType.CRISIS_OPENED,
                record.key(),
                0,
                Instant.parse("2020-01-09T08:00:00Z"),
                new CrisisOpened(record.key(), "Crisis", "A crisis", List.of("IQ"), null));
    }
}
