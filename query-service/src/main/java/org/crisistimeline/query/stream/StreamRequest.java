package org.crisistimeline.query.stream;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;
import static org.crisistimeline.query.system.QueryParameters.single;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.country.IsoCountryValidator;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;

/**
 * A live stream asked for, checked. Every filter given must match: an incident event matches a country or an actor
 * whose timeline the incident was on before or after the event, and a type it had; an actor event matches its actor
 * and its country; a crisis event its countries. Actor and crisis events have no type, so a type filter leaves them
 * out.
 *
 * @param after the Last-Event-ID to resume after, or null to start with the next event
 */
record StreamRequest(String country, String actor, Set<IncidentType> types, Long after) {

    static final List<String> PARAMETERS = List.of("country", "actor", "type");
    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** @throws InvalidParameters naming every parameter at fault */
    static StreamRequest parse(Map<String, List<String>> parameters, String lastEventId) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, PARAMETERS, errors);
        String country = single("country", parameters, errors);
        if (country != null) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (!IsoCountryValidator.isIsoCountry(country)) {
                errors.add(
                        new InvalidParameter("country", "must be an ISO 3166-1 alpha-2 country code such as GB or IQ"));
            }
        }
        String actor = single("actor", parameters, errors);
        if (actor != null && actor.isBlank()) {
            errors.add(new InvalidParameter("actor", "must be an actor id"));
        }
        Set<IncidentType> types = types(parameters.getOrDefault("type", List.of()), errors);
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
                if (after < 0) {
                    throw new NumberFormatException("negative");
                }
            } catch (NumberFormatException e) {
                errors.add(new InvalidParameter(LAST_EVENT_ID, "is not an event id of this stream"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return new StreamRequest(country, actor == null ? null : actor.strip(), types, after);
    }

    /** Repeated ({@code type=STRIKE&type=VOTE}) or comma-separated ({@code type=STRIKE,VOTE}), in any case. */
    private static Set<IncidentType> types(List<String> values, List<InvalidParameter> errors) {
        Set<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    types.add(IncidentType.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new InvalidParameter(
                            "type",
                            "unknown incident type '" + name.strip() + "'; one of "
                                    + Arrays.toString(IncidentType.values())));
                }
            }
        }
        return types;
    }
}
