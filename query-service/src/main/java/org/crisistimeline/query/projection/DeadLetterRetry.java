package org.crisistimeline.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a dead letter again, after whatever made it fail was fixed, and then the records of its aggregate that were
 * parked behind it, in order. All in one transaction that holds the aggregate's lock, so the consumer parks nothing
 * behind a dead letter while it is being resolved; each record is applied under a savepoint, so one that fails again
 * is rolled back alone: the dead letter stays open, or the parked record becomes the new dead letter and the records
 * after it stay parked behind it.
 */
@Component
public class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final DeadLetters deadLetters;
    private final DeadLetterPublishingRecoverer topic;
    private final EventRecordReader reader;
    private final ReadModel readModel;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    DeadLetterRetry(
            DeadLetters deadLetters,
            DeadLetterPublishingRecoverer topic,
            EventRecordReader reader,
            ReadModel readModel,
            PlatformTransactionManager transactionManager) {
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.reader = reader;
        this.readModel = readModel;
        this.transaction = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @return what happened, or empty when there is no dead letter with this id
     */
    public Optional<Outcome> retry(long deadLetterId) {
        List<Runnable> afterCommit = new ArrayList<>();
        Optional<Outcome> outcome = transaction.execute(status -> {
            Optional<DeadLetter> found = deadLetters.find(deadLetterId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.get().aggregateId() != null) {
                deadLetters.lock(found.get().aggregateId());
            }
            DeadLetter deadLetter = deadLetters.findForUpdate(deadLetterId).orElseThrow();
            if (!deadLetter.isOpen()) {
                return Optional.of(Outcome.alreadyResolved(deadLetter));
            }
            Optional<Exception> failure = apply(deadLetter.record());
            if (failure.isPresent()) {
                String error = DeadLetterRecoverer.describe(failure.get());
                deadLetters.failedAgain(deadLetterId, error);
                return Optional.of(Outcome.failedAgain(deadLetter, error));
            }
            deadLetters.resolve(deadLetterId);
            return Optional.of(drainParked(deadLetter, afterCommit));
        });
        afterCommit.forEach(Runnable::run);
        return outcome;
    }

    private Outcome drainParked(DeadLetter resolved, List<Runnable> afterCommit) {
        if (resolved.aggregateId() == null) {
            return Outcome.resolved(resolved, 0, null);
        }
        int applied = 0;
        for (DeadLetters.Parked parked : deadLetters.parked(resolved.aggregateId())) {
            Optional<Exception> failure = apply(parked.record());
            deadLetters.unpark(parked.id());
            if (failure.isPresent()) {
                // it holds back the ones after it now; they stay parked, in order, behind it
                long next = deadLetters.add(
                        resolved.aggregateId(), parked.record(), DeadLetterRecoverer.describe(failure.get()));
                log.warn(
                        "Dead letter {} resolved; the event parked behind it failed and is dead letter {}",
                        resolved.id(),
                        next,
                        failure.get());
                // like every dead letter, on the dead-letter topic too; once it is surely stored
                afterCommit.add(() -> topic.accept(parked.record().toConsumerRecord(), failure.get()));
                return Outcome.resolved(resolved, applied, next);
            }
            applied++;
        }
        log.info(
                "Dead letter {} resolved; {} parked events of {} applied after it",
                resolved.id(),
                applied,
                resolved.aggregateId());
        return Outcome.resolved(resolved, applied, null);
    }

    /** @return the failure, if the record could not be applied; its changes are then rolled back */
    private Optional<Exception> apply(HeldRecord record) {
        try {
            savepoint.executeWithoutResult(
                    status -> reader.read(record.toConsumerRecord()).ifPresent(readModel::apply));
            return Optional.empty();
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure; // the database, not the record: the whole retry fails and can be asked for again
            }
            return Optional.of(failure);
        }
    }

    /**
     * @param resolved whether the dead letter is applied now
     * @param parkedApplied how many records parked behind it were applied after it
     * @param nextDeadLetter the parked record that failed in turn and holds back the rest, if one did
     * @param error why the dead letter failed again, if it did
     */
    public record Outcome(
            DeadLetter deadLetter,
            boolean resolved,
            boolean wasResolvedBefore,
            int parkedApplied,
            Long nextDeadLetter,
            String error) {

        static Outcome resolved(DeadLetter deadLetter, int parkedApplied, Long nextDeadLetter) {
            return new Outcome(deadLetter, true, false, parkedApplied, nextDeadLetter, null);
        }

        static Outcome failedAgain(DeadLetter deadLetter, String error) {
            return new Outcome(deadLetter, false, false, 0, null, error);
        }

        static Outcome alreadyResolved(DeadLetter deadLetter) {
            return new Outcome(deadLetter, true, true, 0, null, null);
        }
    }
}
