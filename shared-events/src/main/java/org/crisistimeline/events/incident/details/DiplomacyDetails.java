package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.Size;

/** Consultations, visits, diplomatic cooperation. {@code subject} (what it was about) is absent when not reported. */
public record DiplomacyDetails(@Size(max = 1000) String subject) implements IncidentDetails {}
