package org.crisistimeline.events.incident.details;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code details} field whose shape is chosen by the sibling {@code type} property, so the JSON reads
 * {@code {"type": "STRIKE", "details": {"method": "DRONE", ...}}} with no type tag inside the details.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@JacksonAnnotationsInside
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StrikeDetails.class, name = "STRIKE"),
    @JsonSubTypes.Type(value = VoteDetails.class, name = "VOTE"),
    @JsonSubTypes.Type(value = StatementDetails.class, name = "STATEMENT"),
    @JsonSubTypes.Type(value = StaffingChangeDetails.class, name = "STAFFING_CHANGE"),
    @JsonSubTypes.Type(value = ProtestDetails.class, name = "PROTEST"),
    @JsonSubTypes.Type(value = SanctionDetails.class, name = "SANCTION"),
    @JsonSubTypes.Type(value = AgreementDetails.class, name = "AGREEMENT"),
    @JsonSubTypes.Type(value = TravelAdvisoryDetails.class, name = "TRAVEL_ADVISORY"),
    @JsonSubTypes.Type(value = BattleDetails.class, name = "BATTLE"),
    @JsonSubTypes.Type(value = ViolenceAgainstCiviliansDetails.class, name = "VIOLENCE_AGAINST_CIVILIANS"),
    @JsonSubTypes.Type(value = ExplosionDetails.class, name = "EXPLOSION"),
    @JsonSubTypes.Type(value = RiotDetails.class, name = "RIOT"),
    @JsonSubTypes.Type(value = StrategicDevelopmentDetails.class, name = "STRATEGIC_DEVELOPMENT"),
    @JsonSubTypes.Type(value = DiplomacyDetails.class, name = "DIPLOMACY")
})
public @interface TypedByIncidentType {}
