package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;

/** A non-violent development that matters to the conflict (a change of posture, an arrest, territory transferred), with any deaths reported. {@code fatalities} is absent when not reported, not zero. */
public record StrategicDevelopmentDetails(@Valid StrikeDetails.Estimate fatalities) implements IncidentDetails {}
