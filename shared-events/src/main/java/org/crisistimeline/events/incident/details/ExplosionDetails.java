package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;

/** An explosion or remote violence (shelling, an air or drone strike, a bomb, a mine), with the deaths reported; the data set's sub-type stays in the incident's origin codes. {@code fatalities} is absent when not reported, not zero. */
public record ExplosionDetails(@Valid StrikeDetails.Estimate fatalities) implements IncidentDetails {}
