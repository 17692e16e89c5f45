package org.crisistimeline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of the events, used by the event store, the topic and every reader. */
public final class EventJson {

    private EventJson() {}

    /**
     * A mapper that writes times as ISO-8601 strings, leaves out absent values and, as a tolerant reader, ignores
     * fields it does not know, so that a field added to an event later does not break older readers.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // details are typed by the incident's type but may be absent (IncidentRecorded v3): a type without
                // details is an incident without details, not a broken event
                .disable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
