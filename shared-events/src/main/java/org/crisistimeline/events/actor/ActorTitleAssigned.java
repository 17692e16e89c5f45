package org.crisistimeline.events.actor;

import java.time.LocalDate;

/** An actor held a title for a period, e.g. Foreign Secretary from 2019-07-24; {@code to} is null while it lasts. */
public record ActorTitleAssigned(String actorId, String title, LocalDate from, LocalDate to) {}
