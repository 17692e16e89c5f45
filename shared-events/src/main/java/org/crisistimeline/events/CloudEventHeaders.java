package org.crisistimeline.events;

/**
 * Kafka header names of CloudEvents 1.0 in binary content mode (the Kafka protocol binding): the event JSON is the
 * record value, the attributes are headers prefixed {@code ce_}.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String SOURCE_VALUE = "/crisis-timeline/command-service";
    public static final String CONTENT_TYPE_VALUE = "application/json";

    /** the event's id, unique per event */
    public static final String ID = "ce_id";
    /** {@link EventType#cloudEventType()} */
    public static final String TYPE = "ce_type";

    public static final String SOURCE = "ce_source";
    /** the aggregate id, also the record key */
    public static final String SUBJECT = "ce_subject";
    /** recordedAt: when the command service stored the event, RFC 3339 */
    public static final String TIME = "ce_time";

    public static final String SPEC_VERSION = "ce_specversion";
    /**
     * extension: the event's sequence number within its aggregate, from 0, without gaps. A reader deduplicates on
     * ({@link #SUBJECT}, this): an event at or below the last sequence applied for its aggregate is a redelivery.
     */
    public static final String SEQUENCE = "ce_sequence";
    /** extension: who stored the event (the token's subject) */
    public static final String PRINCIPAL = "ce_principal";
    /** extension: the id of the HTTP request that stored the event, as returned in its X-Request-Id */
    public static final String REQUEST_ID = "ce_requestid";
    /** extension: why, for a correction, verdict or retraction */
    public static final String REASON = "ce_reason";
    /**
     * extension: the event's hash, hex SHA-256 chaining it to the previous event of its aggregate (tamper evidence; what
     * is hashed: docs/architecture.md)
     */
    public static final String HASH = "ce_hash";

    /** the binding maps datacontenttype to the plain Kafka {@code content-type} header */
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}
}
