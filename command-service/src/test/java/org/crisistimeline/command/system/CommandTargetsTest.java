package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    record Unversioned(@TargetAggregateIdentifier String incidentId, long expectedVersion) {}

    record Versioned(
            @TargetAggregateIdentifier String incidentId,
            @TargetAggregateVersion Object version) {}

    /** A method before a field, as in Axon. */
    static final class Both {
        @TargetAggregateIdentifier
        private final String field = "from-the-field";

        @TargetAggregateIdentifier
        String method() {
            return "from-the-method";
        }
    }

    record Untargeted(String incidentId) {}

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon =
            AnnotationCommandTargetResolver.builder().build();

    @Test
    void findsTheTargetAsAxonsResolverDoes() {
        for (Object command : List.of(
                new Unversioned("inc-1", 3),
                new Versioned("inc-2", 7L),
                new Versioned("inc-3", 7),
                new Versioned("inc-4", "7"),
                new Versioned("inc-5", null),
                new Both())) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(targets.resolveTarget(message)).as("%s", command).isEqualTo(axon.resolveTarget(message));
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("inc-4", "7")))
                        .getVersion())
                .isEqualTo(7L);
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Both()))
                        .getIdentifier())
                .isEqualTo("from-the-method");
    }

    @Test
    void refusesACommandWithoutATargetAsAxonsResolverDoes() {
        for (Object command : List.of(new Untargeted("inc-1"), new Unversioned(null, 1))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThatThrownBy(() -> targets.resolveTarget(message))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(() -> axon.resolveTarget(message)))
                    // what AggregateAnnotationCommandHandler looks for to create an aggregate without an id
                    .hasMessageContaining("It does not identify the target aggregate.");
        }
        var notANumber = GenericCommandMessage.asCommandMessage(new Versioned("inc-1", "seven"));
        assertThatThrownBy(() -> targets.resolveTarget(notANumber))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(() -> axon.resolveTarget(notANumber)));
    }

    private static String messageOf(Runnable resolve) {
        try {
            resolve.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Axon's resolver accepted it");
    }
}
