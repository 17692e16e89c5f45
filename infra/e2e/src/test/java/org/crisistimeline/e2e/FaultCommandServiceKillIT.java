package org.crisistimeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kill -9} of the command service in the middle of a burst of writes, then a restart. */
class FaultCommandServiceKillIT {

    private static FaultStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = FaultStack.start("fault_command_kill", 1, Map.of());
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAcknowledgedIncidentIsStoredPublishedAndOnItsTimelineAndARetryStoresTheOthersOnce() throws Exception {
        WriteBurst burst = WriteBurst.start(stack, "cmd-kill", 4, false);
        Faults.await("150 acknowledged writes", Duration.ofSeconds(90), () -> burst.acknowledged.size() >= 150);

        stack.commandService.kill();
        Instant killedAt = Instant.now();
        Thread.sleep(300); // writers find the service gone
        burst.stop();
        Set<String> acknowledged = Set.copyOf(burst.acknowledgedIncidents());
        Set<String> unacknowledged = new HashSet<>(burst.unacknowledged.keySet());
        unacknowledged.removeAll(acknowledged);

        stack.commandService.restart();
        stack.commandService.awaitHealthy(Duration.ofSeconds(240));
        Duration restart = Duration.between(killedAt, Instant.now());
        Set<String> storedBeforeRetry = stack.storedEvents().keySet();
        long inFlightStored =
                unacknowledged.stream().filter(storedBeforeRetry::contains).count();
        for (String id : unacknowledged) {
            HttpResponse<String> retry = stack.post("/api/v1/incidents", stack.incident(id, burst.numbers.get(id)));
            assertThat(retry.statusCode())
                    .as("retry of %s: %s", id, retry.body())
                    .isEqualTo(201);
        }
        Duration inStep = stack.awaitInStep(stack.queryService(), Duration.ofSeconds(120));

        Map<String, List<Long>> stored = Faults.ofPrefix(stack.storedEvents(), "cmd-kill-");
        TopicLog topic = TopicLog.read(stack.broker.bootstrapServers(), FaultStack.TOPIC);
        List<String> timeline = stack.timeline(stack.queryService());
        Set<String> written = new HashSet<>(acknowledged);
        written.addAll(unacknowledged);

        assertThat(acknowledged).isNotEmpty();
        assertThat(unacknowledged)
                .as("requests cut by the kill or refused while it was down")
                .isNotEmpty();
        assertThat(stored.keySet()).isEqualTo(written);
        assertThat(stored)
                .allSatisfy((id, sequences) -> assertThat(sequences).as(id).containsExactly(0L));
        assertThat(TopicLog.missing(stored, topic.events())).isEmpty();
        assertThat(Faults.extra(topic.events(), stack.storedEvents())).isEmpty();
        assertThat(topic.outOfOrder()).isEmpty();
        assertThat(timeline).doesNotHaveDuplicates();
        assertThat(timeline.stream().collect(Collectors.toSet())).isEqualTo(written);
        Faults.report(
                "command service kill -9 during writes",
                "%d acknowledged, %d unacknowledged (%d of them stored before the retry), all %d stored once,"
                        + " on the topic (%d records, %d duplicates) and on the timeline; restart to healthy %d ms,"
                        + " then in step %d ms",
                acknowledged.size(),
                unacknowledged.size(),
                inFlightStored,
                stored.size(),
                topic.messages().size(),
                topic.duplicates(),
                restart.toMillis(),
                inStep.toMillis());
    }
}
