package org.crisistimeline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crisistimeline.reconcile.Reconciliation.Difference;
import org.crisistimeline.reconcile.Reconciliation.Head;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void aReadModelAppliedUpToEveryHeadIsInStep() {
        var reconciliation = Reconciliation.of(
                Map.of("strike", new Head(3, "a1"), "soleimani", new Head(0, "b2")),
                Map.of("strike", 3L, "soleimani", 0L));

        assertThat(reconciliation.inStep()).isTrue();
        assertThat(reconciliation.summary())
                .isEqualTo("2 aggregates in the store, 2 in the read model: 0 behind, 0 ahead, 0 unknown to the store");
    }

    @Test
    void anAggregateAppliedToAnEarlierEventOrNotAtAllIsBehindButNotFaulty() {
        var reconciliation = Reconciliation.of(
                Map.of("strike", new Head(3, "a1"), "soleimani", new Head(0, "b2")), Map.of("strike", 1L));

        assertThat(reconciliation.inStep()).isFalse();
        assertThat(reconciliation.faulty()).isFalse();
        assertThat(reconciliation.behind())
                .containsExactly(new Difference("soleimani", 0, "b2", -1), new Difference("strike", 3, "a1", 1));
    }

    @Test
    void aPositionPastTheHeadOrOfAnAggregateTheStoreLacksIsAFault() {
        var reconciliation =
                Reconciliation.of(Map.of("strike", new Head(1, "a1")), Map.of("strike", 2L, "forgotten", 0L));

        assertThat(reconciliation.faulty()).isTrue();
        assertThat(reconciliation.ahead()).containsExactly(new Difference("strike", 1, "a1", 2));
        assertThat(reconciliation.unknown()).containsExactly("forgotten");
    }
}
