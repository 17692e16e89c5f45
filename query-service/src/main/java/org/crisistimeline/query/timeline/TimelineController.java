package org.crisistimeline.query.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.crisistimeline.events.country.IsoCountryValidator;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timelines of a country, an actor and a crisis, as pages of JSON or whole as CSV or TimelineJS. An actor or crisis
 * this service does not know answers 404 unless something is on its timeline (an incident may arrive before the actor
 * it names); a country, always known, may have an empty timeline.
 */
@RestController
@RequestMapping("/api/v1/timelines")
class TimelineController {

    private final TimelineQueries timelines;
    private final TimelineExports exports;
    private final KnownKeys known;

    TimelineController(TimelineQueries timelines, TimelineExports exports, KnownKeys known) {
        this.timelines = timelines;
        this.exports = exports;
        this.known = known;
    }

    /** @param code ISO 3166-1 alpha-2, in either case */
    @GetMapping("/countries/{code}")
    ResponseEntity<?> country(@PathVariable String code, @RequestParam MultiValueMap<String, String> parameters) {
        String country = code.strip().toUpperCase(Locale.ROOT);
        List<InvalidParameter> keyErrors = IsoCountryValidator.isIsoCountry(country)
                ? List.of()
                : List.of(new InvalidParameter("code", "must be an ISO 3166-1 alpha-2 country code such as GB or IQ"));
        return answer(TimelineScope.COUNTRY, country, keyErrors, parameters, () -> true);
    }

    @GetMapping("/actors/{actorId}")
    ResponseEntity<?> actor(@PathVariable String actorId, @RequestParam MultiValueMap<String, String> parameters) {
        return answer(TimelineScope.ACTOR, actorId, List.of(), parameters, () -> known.actor(actorId));
    }

    @GetMapping("/crises/{crisisId}")
    ResponseEntity<?> crisis(@PathVariable String crisisId, @RequestParam MultiValueMap<String, String> parameters) {
        return answer(TimelineScope.CRISIS, crisisId, List.of(), parameters, () -> known.crisis(crisisId));
    }

    /** Refuses a bad key together with bad query parameters, so one answer lists everything to fix. */
    private ResponseEntity<?> answer(
            TimelineScope scope,
            String key,
            List<InvalidParameter> keyErrors,
            MultiValueMap<String, String> parameters,
            BooleanSupplier isKnown) {
        TimelineRequest request;
        try {
            request = TimelineRequest.parse(parameters);
        } catch (InvalidParameters invalid) {
            var errors = new ArrayList<>(keyErrors);
            errors.addAll(invalid.errors());
            throw new InvalidParameters(errors);
        }
        if (!keyErrors.isEmpty()) {
            throw new InvalidParameters(keyErrors);
        }
        if (request.format().isExport()) {
            requireKnown(scope, key, isKnown);
            return exports.export(scope, key, request);
        }
        TimelinePage page = timelines.page(scope, key, request);
        if (page.items().isEmpty()) {
            // a page with incidents is of a known timeline: only an empty one costs the check
            requireKnown(scope, key, isKnown);
        }
        return ResponseEntity.ok(page);
    }

    private void requireKnown(TimelineScope scope, String key, BooleanSupplier isKnown) {
        // unfiltered and retracted included: a filter or a view that leaves the page empty does not make a key unknown
        var anything = new TimelineRequest(
                null,
                null,
                Set.of(),
                1,
                null,
                new TimelineView(null, null, true),
                TimelineFormat.JSON,
                null,
                Map.of(),
                false);
        if (!isKnown.getAsBoolean()
                && timelines.page(scope, key, anything).items().isEmpty()) {
            throw new NotFound("No " + scope.name().toLowerCase(Locale.ROOT) + " " + key
                    + " is known here, and nothing is on its timeline: it was not recorded, or has not arrived yet");
        }
    }
}
