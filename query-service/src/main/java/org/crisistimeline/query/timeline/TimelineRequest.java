package org.crisistimeline.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;

/**
 * The query parameters of a timeline, checked.
 *
 * @param from inclusive, or null for the beginning
 * @param to exclusive, or null for no end
 * @param types the incident types to show; empty for all
 * @param after the cursor of the previous page, or null for the first page
 */
record TimelineRequest(Instant from, Instant to, Set<IncidentType> types, int limit, TimelineCursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final List<String> PARAMETERS = List.of("from", "to", "type", "limit", "cursor");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    TimelineRequest {
        types = Collections.unmodifiableSet(
                types.isEmpty() ? EnumSet.noneOf(IncidentType.class) : EnumSet.copyOf(types));
    }

    /**
     * @param parameters the query parameters, each with every value it was given
     * @throws InvalidParameters naming every parameter at fault, unknown ones included
     */
    static TimelineRequest parse(Map<String, List<String>> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        parameters.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .sorted()
                .forEach(name -> errors.add(InvalidParameter.unknown(name, PARAMETERS)));

        Instant from = time("from", parameters, errors);
        Instant to = time("to", parameters, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidParameter("from", "must be before to"));
        }
        Set<IncidentType> types = types(parameters.getOrDefault("type", List.of()), errors);
        int limit = limit(parameters, errors);
        TimelineCursor after = cursor(parameters, errors);

        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return new TimelineRequest(from, to, types, limit, after);
    }

    /** An instant such as 2020-01-05T00:00:00Z, or a date such as 2020-01-05 meaning the start of that day in UTC. */
    static Instant parseTime(String text) {
        String value = text.strip();
        if (DATE.matcher(value).matches()) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
    }

    private static Instant time(String name, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single(name, parameters, errors);
        if (value == null) {
            return null;
        }
        try {
            return parseTime(value);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidParameter(
                    name, "must be an ISO-8601 instant such as 2020-01-05T00:00:00Z or a date such as 2020-01-05"));
            return null;
        }
    }

    /** Repeated ({@code type=STRIKE&type=VOTE}) or comma-separated ({@code type=STRIKE,VOTE}), in any case. */
    private static Set<IncidentType> types(List<String> values, List<InvalidParameter> errors) {
        Set<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        for (String value : values) {
            for (String name : value.split(",")) {
                String type = name.strip().toUpperCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                try {
                    types.add(IncidentType.valueOf(type));
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

    private static int limit(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single("limit", parameters, errors);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.add(new InvalidParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static TimelineCursor cursor(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single("cursor", parameters, errors);
        if (value == null) {
            return null;
        }
        try {
            return TimelineCursor.decode(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidParameter("cursor", "is not a cursor of this API; use nextCursor of a page"));
            return null;
        }
    }

    private static String single(String name, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(new InvalidParameter(name, "must be given once"));
            return null;
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
