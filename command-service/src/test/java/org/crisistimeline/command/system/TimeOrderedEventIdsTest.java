package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedEventIdsTest {

    @Test
    void axonGivesEveryEventATimeOrderedUuid() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedEventIds.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(IdentifierFactory.getInstance().generateIdentifier());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids)
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }
}
