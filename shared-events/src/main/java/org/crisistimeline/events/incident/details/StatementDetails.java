package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Something said in public: who said it (an actor id), the words, where, and in what spirit. */
public record StatementDetails(
        @NotBlank String speakerId,
        @NotBlank @Size(max = 4000) String quote,
        @NotNull Channel channel,
        @NotNull Stance stance)
        implements IncidentDetails {

    public enum Channel {
        SPEECH,
        PRESS_CONFERENCE,
        SPOKESPERSON,
        INTERVIEW,
        SOCIAL_MEDIA,
        WRITTEN_STATEMENT,
        BROADCAST
    }

    public enum Stance {
        CONCILIATORY,
        NEUTRAL,
        CRITICAL,
        THREATENING,
        SUPPORTIVE
    }
}
