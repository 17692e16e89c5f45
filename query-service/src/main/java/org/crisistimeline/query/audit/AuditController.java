package org.crisistimeline.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisistimeline.events.EventType;
import org.crisistimeline.query.audit.AuditTrail.AuditEntry;
import org.crisistimeline.query.audit.AuditTrail.AuditFilter;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.QueryParameters;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/events}: who did what, when and why, newest first, filtered by principal, incident (any
 * aggregate id), event type and recordedAt ({@code from} inclusive, {@code to} exclusive), paged by {@code cursor}.
 */
@RestController
class AuditController {

    private static final List<String> PARAMETERS =
            List.of("principal", "incident", "type", "from", "to", "limit", "cursor");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record AuditPage(List<AuditEntry> items, String nextCursor) {}

    @GetMapping("/api/v1/audit/events")
    AuditPage events(@RequestParam MultiValueMap<String, String> parameters) {
        List<InvalidParameter> errors = new ArrayList<>();
        QueryParameters.refuseUnknown(parameters, PARAMETERS, errors);
        String type = QueryParameters.single("type", parameters, errors);
        if (type != null
                && Arrays.stream(EventType.values())
                        .noneMatch(known -> known.name().equals(type))) {
            errors.add(new InvalidParameter("type", "must be one of " + Arrays.toString(EventType.values())));
        }
        Instant from = QueryParameters.time("from", parameters, errors);
        Instant to = QueryParameters.time("to", parameters, errors);
        int limit = QueryParameters.limit(DEFAULT_LIMIT, MAX_LIMIT, parameters, errors);
        Long before = cursor(QueryParameters.single("cursor", parameters, errors), errors);
        String principal = QueryParameters.single("principal", parameters, errors);
        String incident = QueryParameters.single("incident", parameters, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidParameter("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        var filter = new AuditFilter(principal, incident, type, from, to);
        List<AuditEntry> page = trail.page(filter, before, limit + 1);
        boolean more = page.size() > limit;
        List<AuditEntry> items = more ? page.subList(0, limit) : page;
        return new AuditPage(
                items, more ? Long.toString(items.get(items.size() - 1).position()) : null);
    }

    private static Long cursor(String value, List<InvalidParameter> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new InvalidParameter("cursor", "must be the nextCursor of an earlier page"));
            return null;
        }
    }
}
