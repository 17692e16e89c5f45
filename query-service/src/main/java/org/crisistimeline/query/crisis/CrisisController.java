package org.crisistimeline.query.crisis;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;

import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.Listing;
import org.crisistimeline.query.system.NotFound;
import org.crisistimeline.query.system.Page;
import org.crisistimeline.query.timeline.TimelineView;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/crises")
class CrisisController {

    private final CrisisQueries crises;
    private final CrisisStatsQueries stats;

    CrisisController(CrisisQueries crises, CrisisStatsQueries stats) {
        this.crises = crises;
        this.stats = stats;
    }

    /** Every crisis in id order, or those whose name or id contains {@code q}. */
    @GetMapping
    Page<CrisisView> crises(@RequestParam MultiValueMap<String, String> parameters) {
        return crises.list(Listing.parse(parameters));
    }

    @GetMapping("/{crisisId}")
    CrisisView crisis(@PathVariable String crisisId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, List.of(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return crises.find(crisisId)
                .orElseThrow(() -> new NotFound(
                        "No crisis " + crisisId + " is known here: it was not opened, or has not arrived yet"));
    }

    /** Counts of the crisis timeline in the same views as the timeline: now or asOf, knownAt, retracted or not. */
    @GetMapping("/{crisisId}/stats")
    CrisisStats stats(@PathVariable String crisisId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, TimelineView.PARAMETERS, errors);
        TimelineView view = TimelineView.parse(parameters, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return stats.stats(crisisId, view);
    }
}
