package org.crisistimeline.command.system;

import static org.axonframework.micrometer.TagsUtil.PAYLOAD_TYPE_TAG;
import static org.axonframework.micrometer.TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION;
import static org.axonframework.micrometer.TagsUtil.PROCESSOR_NAME_TAG;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters of the event processors and the command bus, named and tagged as axon-micrometer's dimensional ones,
 * with one change: capacity is taken over {@link #CAPACITY_WINDOW}, not Axon's 10 minutes. Axon's capacity monitor
 * keeps every message of its window in memory; at an import's rate (thousands of events a second, each handled by two
 * processors) ten minutes of them were most of the live heap and kept the collector marking.
 */
@Configuration
class AxonMeters {

    /** a Prometheus scrape interval: the capacity gauge is the share of it the component was busy */
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(15);

    private static final String EVENT_PROCESSOR = "eventProcessor";

    @Bean
    @SuppressWarnings("unchecked") // as Axon's own registration: a processor's monitor is only given events
    ConfigurerModule boundedCapacityWindows(GlobalMetricRegistry meters) {
        MeterRegistry registry = meters.getRegistry();
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class, (configuration, type, name) ->
                        (MessageMonitor<Message<?>>) eventProcessor(registry, name))
                .configureMessageMonitor(CommandBus.class, (configuration, type, name) -> commandBus(registry, name));
    }

    static MessageMonitor<? super EventMessage<?>> eventProcessor(MeterRegistry registry, String processor) {
        Function<Message<?>, Iterable<Tag>> perPayload = message ->
                Tags.of(PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(), PROCESSOR_NAME_TAG, processor);
        return new MultiMessageMonitor<EventMessage<?>>(List.of(
                MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, registry, perPayload),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(EVENT_PROCESSOR)
                        .meterRegistry(registry)
                        .tagsBuilder(message -> Tags.of(PROCESSOR_NAME_TAG, processor))
                        .build(),
                capacity(EVENT_PROCESSOR, registry, perPayload),
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, registry, perPayload)));
    }

    static MessageMonitor<Message<?>> commandBus(MeterRegistry registry, String bus) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(bus, registry, PAYLOAD_TYPE_TAGGER_FUNCTION),
                capacity(bus, registry, PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(bus, registry, PAYLOAD_TYPE_TAGGER_FUNCTION)));
    }

    private static CapacityMonitor capacity(
            String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(
                name,
                registry,
                CAPACITY_WINDOW.toMillis(),
                TimeUnit.MILLISECONDS,
                registry.config().clock(),
                tags);
    }
}
