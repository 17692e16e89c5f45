package org.crisistimeline.query.timeline;

import static org.crisistimeline.query.system.QueryParameters.endTime;
import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;
import static org.crisistimeline.query.system.QueryParameters.single;
import static org.crisistimeline.query.system.QueryParameters.time;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.QueryParameters;

/**
 * The query parameters of a timeline, checked.
 *
 * @param from inclusive, or null for the beginning
 * @param to exclusive, or null for no end; a date given as {@code to} is included whole
 * @param types the incident types to show; empty for all
 * @param after the cursor of the previous page, or null for the first page
 * @param view the versions shown: current or as of a time, known by a time, retracted or not
 * @param format a page of JSON, or an export of the whole timeline
 * @param dataset only incidents imported from this data set ({@code origin.dataset}, exactly: {@code ACLED}, {@code UCDP
 *     GED}, {@code GDELT}); null for all
 * @param codes only incidents whose original codes have every one of these values, exactly as in the file
 *     ({@code code=event_type:Battles}); empty for all
 * @param bom a CSV export starts with a UTF-8 byte order mark, which spreadsheets need to read it as UTF-8
 */
record TimelineRequest(
        Instant from,
        Instant to,
        Set<IncidentType> types,
        int limit,
        TimelineCursor after,
        TimelineView view,
        TimelineFormat format,
        String dataset,
        Map<String, String> codes,
        boolean bom) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final List<String> PARAMETERS = Stream.concat(
                    Stream.of("from", "to", "type", "dataset", "code", "limit", "cursor"),
                    Stream.concat(TimelineView.PARAMETERS.stream(), Stream.of("format", "bom")))
            .toList();

    TimelineRequest {
        types = Collections.unmodifiableSet(
                types.isEmpty() ? EnumSet.noneOf(IncidentType.class) : EnumSet.copyOf(types));
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** A first page of JSON of the current view. */
    TimelineRequest(Instant from, Instant to, Set<IncidentType> types, int limit, TimelineCursor after) {
        this(from, to, types, limit, after, TimelineView.CURRENT, TimelineFormat.JSON, null, Map.of(), false);
    }

    /**
     * @param parameters the query parameters, each with every value it was given
     * @throws InvalidParameters naming every parameter at fault, unknown ones included
     */
    static TimelineRequest parse(Map<String, List<String>> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, PARAMETERS, errors);

        Instant from = time("from", parameters, errors);
        Instant to = endTime("to", parameters, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidParameter("from", "must be before to"));
        }
        Set<IncidentType> types = types(parameters.getOrDefault("type", List.of()), errors);
        int limit = QueryParameters.limit(DEFAULT_LIMIT, MAX_LIMIT, parameters, errors);
        TimelineCursor after = cursor(parameters, errors);
        TimelineView view = TimelineView.parse(parameters, errors);
        TimelineFormat format = format(parameters, errors);
        String dataset = dataset(parameters, errors);
        Map<String, String> codes = codes(parameters.getOrDefault("code", List.of()), errors);
        boolean bom = bom(parameters, format, errors);
        if (format.isExport()) {
            // an export is the whole timeline; a page size or a position in it would be silently wrong
            for (String paging : List.of("limit", "cursor")) {
                if (parameters.containsKey(paging)) {
                    errors.add(new InvalidParameter(
                            paging, "is not taken by format=" + name(format) + ": an export holds every incident"));
                }
            }
        }

        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return new TimelineRequest(from, to, types, limit, after, view, format, dataset, codes, bom);
    }

    /** The same request, continuing after {@code cursor} with pages of {@code pageSize}. */
    TimelineRequest page(TimelineCursor cursor, int pageSize) {
        return new TimelineRequest(from, to, types, pageSize, cursor, view, format, dataset, codes, bom);
    }

    /** The codes as the JSON object that an entry's origin_codes must contain. */
    String codesJson() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        codes.forEach(object::put);
        return object.toString();
    }

    private static boolean bom(
            Map<String, List<String>> parameters, TimelineFormat format, List<InvalidParameter> errors) {
        String value = single("bom", parameters, errors);
        if (value == null) {
            return false;
        }
        if (format != TimelineFormat.CSV) {
            errors.add(new InvalidParameter("bom", "is only taken by format=csv"));
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new InvalidParameter("bom", "must be true or false"));
                yield false;
            }
        };
    }

    private static String dataset(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single("dataset", parameters, errors);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 100) {
            errors.add(new InvalidParameter(
                    "dataset", "must be a data set's name as imported, such as ACLED or UCDP GED"));
            return null;
        }
        return value.strip();
    }

    /**
     * {@code code=name:value}, repeated for more codes, all of which must match; the value is everything after the
     * first colon, verbatim (case and leading zeros count). One value per code name: an incident has one.
     */
    static Map<String, String> codes(List<String> values, List<InvalidParameter> errors) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                errors.add(new InvalidParameter(
                        "code", "'" + value + "' is not name:value, such as event_type:Battles or EventCode:010"));
            } else if (codes.putIfAbsent(value.substring(0, colon).strip(), value.substring(colon + 1)) != null) {
                errors.add(new InvalidParameter(
                        "code",
                        "names " + value.substring(0, colon).strip() + " twice; an incident has one value of it"));
            }
        }
        return codes;
    }

    /** An instant such as 2020-01-05T00:00:00Z, or a date such as 2020-01-05 meaning the start of that day in UTC. */
    static Instant parseTime(String text) {
        return QueryParameters.parseTime(text);
    }

    /** Repeated ({@code type=STRIKE&type=VOTE}) or comma-separated ({@code type=STRIKE,VOTE}), in any case. */
    static Set<IncidentType> types(List<String> values, List<InvalidParameter> errors) {
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

    private static TimelineFormat format(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single("format", parameters, errors);
        if (value == null) {
            return TimelineFormat.JSON;
        }
        try {
            return TimelineFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidParameter("format", "must be json, csv, ndjson, geojson or timelinejs"));
            return TimelineFormat.JSON;
        }
    }

    private static String name(TimelineFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
