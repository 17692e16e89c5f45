package org.crisistimeline.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventType;

/**
 * Brings the JSON of an older version of an event up to the current version, one version at a time. Plain JSON, no
 * Axon and no Spring, so that every reader uses the same steps: the command service for the events in its store (wrapped
 * in an Axon upcaster), the query service and downstream consumers for the records already on the topic.
 */
public final class Upcasters {

    /** The step from each old version to the next; a new version of an event adds its step here. */
    private static final Map<CloudEventType, UnaryOperator<ObjectNode>> STEPS = Map.of(
            new CloudEventType(EventType.INCIDENT_RECORDED, 1),
            IncidentRecordedV1ToV2::upcast,
            new CloudEventType(EventType.INCIDENT_RECORDED, 2),
            IncidentRecordedV2ToV3::upcast,
            // v2 only added optional fields (a range, an origin, admin areas): a v1 amendment reads as it is
            new CloudEventType(EventType.INCIDENT_AMENDED, 1),
            UnaryOperator.identity(),
            // v2 made a source's url and publishedAt optional: a v1 source reads as it is
            new CloudEventType(EventType.SOURCE_ATTACHED, 1),
            UnaryOperator.identity());

    private Upcasters() {}

    /**
     * @param payload the event JSON in the version {@code from} names; left unchanged
     * @return the event JSON in the current version of its type (a copy, or {@code payload} itself when it is current)
     */
    public static ObjectNode toCurrent(CloudEventType from, ObjectNode payload) {
        ObjectNode upcast = payload;
        for (int version = from.version(); version < from.type().version(); version++) {
            upcast = step(new CloudEventType(from.type(), version)).apply(upcast.deepCopy());
        }
        return upcast;
    }

    /** The change from {@code from} to the next version of its type. */
    public static UnaryOperator<ObjectNode> step(CloudEventType from) {
        return Optional.ofNullable(STEPS.get(from))
                .orElseThrow(() -> new IllegalStateException(
                        from.isCurrent()
                                ? from + " is the current version"
                                : "No upcaster from " + from + " to the next version of " + from.type()));
    }

    /** Whether every old version of the type has its step: checked by a test for every type. */
    static boolean coversEveryOldVersionOf(EventType type) {
        for (int version = 1; version < type.version(); version++) {
            if (!STEPS.containsKey(new CloudEventType(type, version))) {
                return false;
            }
        }
        return true;
    }
}
