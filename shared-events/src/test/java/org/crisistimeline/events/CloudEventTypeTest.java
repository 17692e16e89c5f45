package org.crisistimeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudEventTypeTest {

    @Test
    void theCurrentVersionIsWhatTheProducerWrites() {
        CloudEventType current = CloudEventType.current(EventType.ACTOR_REGISTERED);

        assertThat(current.value()).isEqualTo(EventType.ACTOR_REGISTERED.cloudEventType());
        assertThat(current.isCurrent()).isTrue();
    }

    @Test
    void aCloudEventTypeIsReadBackIntoItsTypeAndVersion() {
        for (CloudEventType type : CloudEventType.all()) {
            assertThat(CloudEventType.parse(type.value())).contains(type);
        }
    }

    @Test
    void anUnknownOrMalformedTypeIsNoneOfOurs() {
        assertThat(CloudEventType.parse("org.crisistimeline.EarthquakeFelt.v1")).isEmpty();
        assertThat(CloudEventType.parse("org.crisistimeline.ActorRegistered")).isEmpty();
        assertThat(CloudEventType.parse("org.crisistimeline.ActorRegistered.v0"))
                .isEmpty();
        assertThat(CloudEventType.parse("com.example.ActorRegistered.v1")).isEmpty();
    }

    @Test
    void aVersionNewerThanThisJarKnowsIsRefusedNotIgnored() {
        String newer = "org.crisistimeline.ActorRegistered.v" + (EventType.ACTOR_REGISTERED.version() + 1);

        assertThatThrownBy(() -> CloudEventType.parse(newer))
                .isInstanceOf(CloudEventType.NewerVersion.class)
                .hasMessageContaining("upgrade shared-events");
    }

    @Test
    void theSchemaFileIsNamedAfterTheEventInKebabCase() {
        assertThat(new CloudEventType(EventType.INCIDENT_RECORDED, 1).schemaResource())
                .isEqualTo("schemas/incident-recorded.v1.json");
        assertThat(CloudEventType.current(EventType.CRISIS_OPENED).schemaFileName())
                .isEqualTo("crisis-opened.v1.json");
    }
}
