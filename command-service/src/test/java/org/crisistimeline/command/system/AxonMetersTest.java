package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class AxonMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void aProcessorsCapacityForgetsWhatItHandledBeforeTheWindow() {
        MessageMonitor<? super EventMessage<?>> publisher = AxonMeters.eventProcessor(registry, "kafka-publisher");

        handle(publisher, Duration.ofSeconds(3));
        assertThat(capacity("eventProcessor")).isCloseTo(3.0 / 15, within(0.01));

        clock.add(Duration.ofSeconds(16)); // a scrape later, not ten minutes
        assertThat(capacity("eventProcessor")).isZero();
    }

    @Test
    void theCommandBusCapacityToo() {
        MessageMonitor<Message<?>> bus = AxonMeters.commandBus(registry, "commandBus");

        handle(bus, Duration.ofSeconds(3));
        assertThat(capacity("commandBus")).isPositive();

        clock.add(Duration.ofSeconds(16)); // a scrape later, not ten minutes
        assertThat(capacity("commandBus")).isZero();
    }

    @Test
    void theOtherMetersAreAxonsDimensionalOnes() {
        MessageMonitor<? super EventMessage<?>> publisher = AxonMeters.eventProcessor(registry, "kafka-publisher");

        handle(publisher, Duration.ofMillis(5));

        assertThat(registry.get("eventProcessor.processedCounter")
                        .tag("processorName", "kafka-publisher")
                        .tag("payloadType", "String")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency")
                        .tag("processorName", "kafka-publisher")
                        .gauges())
                .isNotEmpty();
    }

    private void handle(MessageMonitor<? super EventMessage<?>> monitor, Duration busy) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("x"));
        clock.add(busy);
        callback.reportSuccess();
    }

    private double capacity(String prefix) {
        return registry.get(prefix + ".capacity")
                .tag("payloadType", "String")
                .gauge()
                .value();
    }
}
