package org.crisistimeline.query.crisis;

import java.time.LocalDate;
import java.util.List;

/** A crisis as opened: its name, what it is about, the countries it concerns and when it began. */
public record CrisisView(String crisisId, String name, String summary, List<String> countries, LocalDate startedOn) {}
