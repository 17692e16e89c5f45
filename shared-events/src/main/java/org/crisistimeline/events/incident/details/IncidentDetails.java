package org.crisistimeline.events.incident.details;

/** What is particular to one type of incident. Each incident type has exactly one details record. */
public sealed interface IncidentDetails
        permits StrikeDetails,
                VoteDetails,
                StatementDetails,
                StaffingChangeDetails,
                ProtestDetails,
                SanctionDetails,
                AgreementDetails,
                TravelAdvisoryDetails,
                BattleDetails,
                ViolenceAgainstCiviliansDetails,
                ExplosionDetails,
                RiotDetails,
                StrategicDevelopmentDetails,
                DiplomacyDetails {}
