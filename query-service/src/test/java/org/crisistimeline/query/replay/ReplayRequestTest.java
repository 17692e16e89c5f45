package org.crisistimeline.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {

    private static final Duration CAP = Duration.ofSeconds(5);

    @Test
    void speedScalesTheGapBetweenTwoEvents() {
        ReplayRequest hourPerSecond =
                ReplayRequest.parse(Map.of("crisis", List.of("c"), "speed", List.of("3600")), null);

        assertThat(hourPerSecond.wait(Duration.ofHours(1), CAP)).isEqualTo(Duration.ofSeconds(1));
        assertThat(hourPerSecond.wait(Duration.ofMinutes(30), CAP)).isEqualTo(Duration.ofMillis(500));
        assertThat(hourPerSecond.wait(Duration.ZERO, CAP)).isZero();
    }

    @Test
    void noWaitIsLongerThanTheCap() {
        ReplayRequest realTime = ReplayRequest.parse(Map.of("crisis", List.of("c"), "speed", List.of("1")), null);

        assertThat(realTime.wait(Duration.ofDays(365), CAP)).isEqualTo(CAP);
    }

    @Test
    void maxAndNoSpeedSendEverythingAtOnce() {
        assertThat(ReplayRequest.parse(Map.of("crisis", List.of("c")), null).wait(Duration.ofDays(1), CAP))
                .isZero();
        assertThat(ReplayRequest.parse(Map.of("crisis", List.of("c"), "speed", List.of("MAX")), null)
                        .speed())
                .isNull();
    }

    @Test
    void speedMustBeAPositiveNumberOrMax() {
        for (String speed : List.of("0", "-1", "fast", "NaN", "Infinity", "")) {
            assertThat(errors(Map.of("crisis", List.of("c"), "speed", List.of(speed)), null))
                    .as(speed)
                    .extracting(InvalidParameter::field)
                    .containsExactly("speed");
        }
    }

    @Test
    void lastEventIdIsAReplayPosition() {
        var position = new ReplayPosition(Instant.parse("2020-01-03T02:00:00Z"), "soleimani-killed", 2);

        assertThat(position.encode()).isEqualTo("2020-01-03T02:00:00Z/soleimani-killed/2");
        assertThat(ReplayRequest.parse(Map.of("crisis", List.of("c")), position.encode())
                        .after())
                .isEqualTo(position);
        assertThat(errors(Map.of("crisis", List.of("c")), "2020-01-03/x"))
                .extracting(InvalidParameter::field)
                .containsExactly("Last-Event-ID");
    }

    @Test
    void crisisIsRequired() {
        assertThat(errors(Map.of(), null)).extracting(InvalidParameter::field).containsExactly("crisis");
        assertThat(errors(Map.of("crisis", List.of(" ")), null))
                .extracting(InvalidParameter::field)
                .containsExactly("crisis");
    }

    private static List<InvalidParameter> errors(Map<String, List<String>> parameters, String lastEventId) {
        return catchThrowableOfType(InvalidParameters.class, () -> ReplayRequest.parse(parameters, lastEventId))
                .errors();
    }

    @Test
    void aNulInTheCrisisOrAnInstantBeyondTheDatabaseIsRefusedByName() {
        InvalidParameters refused = catchThrowableOfType(
                InvalidParameters.class,
                () -> ReplayRequest.parse(Map.of("crisis", List.of("iran\u0000us")), "+294277-01-01T00:00:00Z/x/1"));

        assertThat(refused.errors())
                .extracting(InvalidParameter::field)
                .containsExactly("crisis", ReplayRequest.LAST_EVENT_ID);
    }
}
