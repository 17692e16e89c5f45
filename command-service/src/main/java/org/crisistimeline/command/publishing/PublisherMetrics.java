package org.crisistimeline.command.publishing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How far the event store and the publisher have come, read when Prometheus scrapes: the store's head (the global index
 * of its newest event, so its rate is events stored per second), the position the publisher has sent to Kafka (events
 * published per second) and the gap between them, the publisher lag in events. An instance that holds no segment of
 * the publisher reports no published position; the one that holds it does.
 */
@Component
class PublisherMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PublisherMetrics.class);

    private final EventStore store;
    private final EventProcessingConfiguration processing;

    PublisherMetrics(EventStore store, EventProcessingConfiguration processing) {
        this.store = store;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("crisis.timeline.events.stored", this, PublisherMetrics::storeHead)
                .description("Global index of the newest event in the event store")
                .register(registry);
        FunctionCounter.builder("crisis.timeline.events.published", this, PublisherMetrics::publishedPosition)
                .description("Global index up to which the publisher has sent every event to Kafka")
                .register(registry);
        Gauge.builder(
                        "crisis.timeline.publisher.lag",
                        this,
                        metrics -> metrics.storeHead() - metrics.publishedPosition())
                .description("Events stored but not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    double storeHead() {
        try {
            return store.createHeadToken().position().orElse(0);
        } catch (RuntimeException e) {
            // the database out of reach: no figure rather than a wrong one
            log.debug("No store head for the metrics", e);
            return Double.NaN;
        }
    }

    double publishedPosition() {
        return processing
                .eventProcessor(EventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToDouble(position -> position.isPresent() ? position.getAsLong() : 0)
                        .min()
                        .orElse(Double.NaN))
                .orElse(Double.NaN);
    }
}
