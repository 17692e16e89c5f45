package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownReferencesTest {

    /** What one read of "iran-us-2020", "united-states" and "mr johnson" found. */
    private final KnownReferences known = new KnownReferences(
            Set.of("iran-us-2020", "united-states", "mr johnson", "boris-johnson"),
            Map.of("iran-us-2020", "Crisis", "united-states", "Actor", "boris-johnson", "Actor"),
            Set.of("iran-us-2020", "united-states", "mr johnson"),
            Map.of("mr johnson", Set.of("boris-johnson")),
            new NothingMoreIsAsked());

    @Test
    void whatWasReadTogetherIsAnsweredWithoutAskingTheStore() {
        assertThat(known.exists("Crisis", "iran-us-2020")).isTrue();
        assertThat(known.missing("Actor", Set.of("united-states", "mr johnson")))
                .containsExactly("mr johnson");
        assertThat(known.typeOf("united-states")).contains("Actor");
        assertThat(known.actorsNamed("Mr Johnson")).containsExactly("boris-johnson");
        assertThat(known.actorsNamed("united-states")).isEmpty();
    }

    @Test
    void anActorFoundByItsNameIsKnownToExist() {
        assertThat(known.exists("Actor", "boris-johnson")).isTrue();
    }

    @Test
    void anythingElseIsAskedOfTheStore() {
        assertThatThrownBy(() -> known.exists("Actor", "iran")).hasMessageContaining("iran");
        assertThatThrownBy(() -> known.actorsNamed("boris-johnson")).hasMessageContaining("boris-johnson");
    }

    private static class NothingMoreIsAsked implements KnownAggregates {
        @Override
        public Set<String> missing(String aggregateType, Collection<String> ids) {
            throw new AssertionError("asked the store about " + ids);
        }

        @Override
        public Optional<String> typeOf(String id) {
            throw new AssertionError("asked the store about " + id);
        }

        @Override
        public Set<String> actorsNamed(String name) {
            throw new AssertionError("asked the store about " + name);
        }
    }
}
