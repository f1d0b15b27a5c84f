-- The facts of one access decision (lib/access/facts.ts, ADR 0006), as a function so that
-- PostgreSQL plans its sub-selects once per connection: the statement is sent on every request,
-- and planning its dozen index lookups afresh each time cost more than running them (measured by
-- `npm run bench:access`). Every sub-select is an index lookup on (patient, person) or
-- (person, role): the cost does not grow with the number of patients. Nothing is cached across
-- calls, so a consent withdrawn, an appointment revoked, an exclusion added or a relation ended
-- is seen by the very next request.
--
-- Time rules, chosen so that a clock difference between the app and the database fails closed:
-- revocations (appointment, therapeutic relation) count as soon as they are set, whatever their
-- timestamp; lifts (exclusion, suspension) count only once their timestamp has passed; consent is
-- the latest event by time, WITHDRAWN winning a tie; care dates, relations and care-team
-- assignments are calendar dates compared with p_today (the Belgian date of p_now), end date
-- included. An unknown role is passed as NULL: every role comparison is then false.

CREATE FUNCTION "access_decision_facts"(
  p_person_id  text,
  p_role       text,
  p_patient_id text,
  p_now        timestamptz,
  p_today      date
)
RETURNS TABLE (
  "holdsRole"                      boolean,
  "declarationAccepted"            boolean,
  "suspended"                      boolean,
  "patientExists"                  boolean,
  "careOngoing"                    boolean,
  "careEndedOn"                    date,
  "trustedPersonAppointmentActive" boolean,
  "therapeuticRelationActive"      boolean,
  "consentActive"                  boolean,
  "excluded"                       boolean,
  "careTeamAssignmentActive"       boolean,
  "emergencyAccessId"              text
)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_role "Role" := p_role::"Role";
BEGIN
  RETURN QUERY
    SELECT
      EXISTS (SELECT 1 FROM "PersonRole" pr
              WHERE pr."personId" = p_person_id AND pr."role" = v_role) AS "holdsRole",
      EXISTS (SELECT 1 FROM "DeclarationAcceptance" da
              WHERE da."personId" = p_person_id AND da."role" = v_role
                AND da."version" = (SELECT max(dv."version") FROM "DeclarationVersion" dv
                                    WHERE dv."role" = v_role)) AS "declarationAccepted",
      EXISTS (SELECT 1 FROM "Suspension" s
              WHERE s."personId" = p_person_id
                AND (s."liftedAt" IS NULL OR s."liftedAt" > p_now)) AS "suspended",
      EXISTS (SELECT 1 FROM "Patient" p WHERE p."id" = p_patient_id) AS "patientExists",
      EXISTS (SELECT 1 FROM "CareEpisode" ce
              WHERE ce."patientId" = p_patient_id AND ce."endDate" IS NULL) AS "careOngoing",
      (SELECT max(ce."endDate") FROM "CareEpisode" ce WHERE ce."patientId" = p_patient_id) AS "careEndedOn",
      EXISTS (SELECT 1 FROM "TrustedPersonAppointment" tpa
              WHERE tpa."patientId" = p_patient_id AND tpa."trustedPersonId" = p_person_id
                AND tpa."appointedAt" <= p_now AND tpa."revokedAt" IS NULL) AS "trustedPersonAppointmentActive",
      EXISTS (SELECT 1 FROM "TherapeuticRelation" tr
              WHERE tr."patientId" = p_patient_id AND tr."caregiverId" = p_person_id
                AND tr."startDate" <= p_today
                AND (tr."endDate" IS NULL OR tr."endDate" >= p_today)
                AND tr."revokedAt" IS NULL) AS "therapeuticRelationActive",
      COALESCE((SELECT ce."kind" = 'GIVEN' FROM "ConsentEvent" ce
                WHERE ce."patientId" = p_patient_id
                ORDER BY ce."occurredAt" DESC, (ce."kind" = 'WITHDRAWN') DESC
                LIMIT 1), false) AS "consentActive",
      EXISTS (SELECT 1 FROM "Exclusion" ex
              WHERE ex."patientId" = p_patient_id AND ex."excludedPersonId" = p_person_id
                AND (ex."liftedAt" IS NULL OR ex."liftedAt" > p_now)) AS "excluded",
      EXISTS (SELECT 1 FROM "CareTeamAssignment" cta
              WHERE cta."patientId" = p_patient_id AND cta."nurseId" = p_person_id
                AND cta."startDate" <= p_today
                AND (cta."endDate" IS NULL OR cta."endDate" >= p_today)) AS "careTeamAssignmentActive",
      (SELECT ea."id" FROM "EmergencyAccess" ea
       WHERE ea."patientId" = p_patient_id AND ea."nurseId" = p_person_id
         AND ea."startedAt" <= p_now AND ea."expiresAt" > p_now
       ORDER BY ea."expiresAt" DESC
       LIMIT 1) AS "emergencyAccessId";
END;
$$;
