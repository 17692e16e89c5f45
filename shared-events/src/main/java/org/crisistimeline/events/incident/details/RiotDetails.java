package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;

/** Violent demonstrations or mob violence, with the deaths reported. {@code fatalities} is absent when not reported, not zero. */
public record RiotDetails(@Valid StrikeDetails.Estimate fatalities) implements IncidentDetails {}
