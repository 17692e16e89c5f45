package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;

/** Organised violence against unarmed people, with the deaths reported. {@code fatalities} is absent when not reported, not zero. */
public record ViolenceAgainstCiviliansDetails(@Valid StrikeDetails.Estimate fatalities) implements IncidentDetails {}
