package org.crisistimeline.events.crisis;

import java.time.LocalDate;
import java.util.List;

/** A crisis was opened: incidents can now be recorded in it. */
public record CrisisOpened(String crisisId, String name, String summary, List<String> countries, LocalDate startedOn) {

    public CrisisOpened {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
