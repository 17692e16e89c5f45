package org.crisistimeline.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of one event type, as named by the CloudEvents type attribute ({@code ce_type}), e.g. {@code
 * org.crisistimeline.IncidentRecorded.v2}. The producer only writes the current version of each type ({@link
 * EventType#version()}); older versions are still on the topic and in the event store, and readers bring them up to
 * date with the upcasters of {@code org.crisistimeline.events.upcasting}.
 *
 * @param version from 1; never above {@code type.version()}
 */
public record CloudEventType(EventType type, int version) {

    private static final Pattern FORM = Pattern.compile("org\\.crisistimeline\\.([A-Za-z0-9]+)\\.v([1-9][0-9]{0,8})");

    public CloudEventType {
        if (version < 1 || version > type.version()) {
            throw new IllegalArgumentException(type + " has versions 1 to " + type.version() + ", not " + version);
        }
    }

    public static CloudEventType current(EventType type) {
        return new CloudEventType(type, type.version());
    }

    /** Every version of every event type, oldest first: what has a schema in {@code schemas/}. */
    public static List<CloudEventType> all() {
        List<CloudEventType> all = new ArrayList<>();
        for (EventType type : EventType.values()) {
            for (int version = 1; version <= type.version(); version++) {
                all.add(new CloudEventType(type, version));
            }
        }
        return all;
    }

    /**
     * Reads a {@code ce_type} value.
     *
     * @return empty when it names no event type known here
     * @throws NewerVersion when it names a known type in a version newer than this jar knows
     */
    public static Optional<CloudEventType> parse(String cloudEventType) {
        Matcher matcher = FORM.matcher(cloudEventType);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1);
        int version = Integer.parseInt(matcher.group(2));
        for (EventType type : EventType.values()) {
            if (type.payloadType().getSimpleName().equals(name)) {
                if (version > type.version()) {
                    throw new NewerVersion(cloudEventType, type);
                }
                return Optional.of(new CloudEventType(type, version));
            }
        }
        return Optional.empty();
    }

    public boolean isCurrent() {
        return version == type.version();
    }

    /** The {@code ce_type} value, e.g. {@code org.crisistimeline.IncidentRecorded.v2}. */
    public String value() {
        return "org.crisistimeline." + type.payloadType().getSimpleName() + ".v" + version;
    }

    /** The file name of this version's JSON Schema, e.g. {@code incident-recorded.v2.json}. */
    public String schemaFileName() {
        String kebab = type.payloadType()
                .getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
        return kebab + ".v" + version + ".json";
    }

    /** Where the schema lies in this jar, for {@code ClassLoader.getResource}: {@code schemas/<file name>}. */
    public String schemaResource() {
        return "schemas/" + schemaFileName();
    }

    @Override
    public String toString() {
        return value();
    }

    /**
     * A known event type in a version this jar does not know yet: the producer was upgraded before this reader. The
     * message is valid, but this reader cannot read it until it is upgraded too.
     */
    public static class NewerVersion extends RuntimeException {

        NewerVersion(String cloudEventType, EventType known) {
            super(cloudEventType + " is newer than the versions this reader knows (up to " + known.cloudEventType()
                    + "); upgrade shared-events");
        }
    }
}
