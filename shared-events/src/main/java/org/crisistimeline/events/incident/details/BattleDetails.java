package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;

/** An armed clash between organised groups, with the deaths reported (low, best, high as UCDP gives them; one figure is low = best = high). {@code fatalities} is absent when not reported, not zero. */
public record BattleDetails(@Valid StrikeDetails.Estimate fatalities) implements IncidentDetails {}
