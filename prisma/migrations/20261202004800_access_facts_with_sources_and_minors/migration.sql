-- The facts of one access decision, version 2 (replaces *_access_facts_function; ADR 0006 for
-- why a function, ADR 0019 and 0020 for what is new). Still one round trip, every sub-select an
-- index lookup on (patient, person) or (person, role).
--
-- New facts:
-- - "patientBirthDate": the policy takes the patient's age on the Belgian calendar day of the
--   request from it (minors and their representatives, ADR 0019).
-- - The therapeutic relation is no longer a yes/no decided here: the function returns the relation
--   that runs longest (not revoked, started on or before p_today; an open end first, then the
--   latest end) with its end date and its source, and the policy decides whether its term still
--   runs. A link ends by itself on its end date (ADR 0020), and the decision names its source in
--   the access log ("via eHealth therapeutic link").
-- - "legalRepresentations": the representations of this person for this patient in force on
--   p_today (started, not ended, not revoked), as a JSON array of {basis, source}: what they grant
--   depends on the patient's age, which the policy decides.
-- - "minorAgreementGiven": the patient's latest agreement event for this representative is GIVEN
--   (WITHDRAWN winning a tie), the agreement a minor of 12 to 15 gives in the portal.
--
-- The other facts and their time rules are unchanged (see *_access_facts_function): revocations
-- count as soon as they are set, lifts only once their timestamp has passed, consent is the
-- latest event by time with WITHDRAWN winning a tie, calendar dates are compared with p_today
-- (the Belgian date of p_now), end date included. An unknown role is passed as NULL.

DROP FUNCTION "access_decision_facts"(text, text, text, timestamptz, date);

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
  "patientBirthDate"               date,
  "careOngoing"                    boolean,
  "careEndedOn"                    date,
  "trustedPersonAppointmentActive" boolean,
  "therapeuticRelationFound"       boolean,
  "therapeuticRelationEndsOn"      date,
  "therapeuticRelationSource"      text,
  "consentActive"                  boolean,
  "excluded"                       boolean,
  "careTeamAssignmentActive"       boolean,
  "emergencyAccessId"              text,
  "legalRepresentations"           jsonb,
  "minorAgreementGiven"            boolean
)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_role "Role" := p_role::"Role";
BEGIN
  RETURN QUERY
    WITH relation AS (
      SELECT tr."endDate", tr."source"
      FROM "TherapeuticRelation" tr
      WHERE tr."patientId" = p_patient_id AND tr."caregiverId" = p_person_id
        AND tr."startDate" <= p_today
        AND tr."revokedAt" IS NULL
      ORDER BY (tr."endDate" IS NULL) DESC, tr."endDate" DESC
      LIMIT 1
    )
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
      (SELECT pe."birthDate" FROM "Person" pe
       WHERE pe."id" = p_patient_id AND EXISTS (SELECT 1 FROM "Patient" p WHERE p."id" = pe."id")) AS "patientBirthDate",
      EXISTS (SELECT 1 FROM "CareEpisode" ce
              WHERE ce."patientId" = p_patient_id AND ce."endDate" IS NULL) AS "careOngoing",
      (SELECT max(ce."endDate") FROM "CareEpisode" ce WHERE ce."patientId" = p_patient_id) AS "careEndedOn",
      EXISTS (SELECT 1 FROM "TrustedPersonAppointment" tpa
              WHERE tpa."patientId" = p_patient_id AND tpa."trustedPersonId" = p_person_id
                AND tpa."appointedAt" <= p_now AND tpa."revokedAt" IS NULL) AS "trustedPersonAppointmentActive",
      EXISTS (SELECT 1 FROM relation) AS "therapeuticRelationFound",
      (SELECT relation."endDate" FROM relation) AS "therapeuticRelationEndsOn",
      (SELECT relation."source"::text FROM relation) AS "therapeuticRelationSource",
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
       LIMIT 1) AS "emergencyAccessId",
      COALESCE((SELECT jsonb_agg(jsonb_build_object('basis', lr."basis", 'source', lr."source")
                                 ORDER BY lr."basis", lr."source")
                FROM "LegalRepresentation" lr
                WHERE lr."patientId" = p_patient_id AND lr."representativeId" = p_person_id
                  AND lr."startDate" <= p_today
                  AND (lr."endDate" IS NULL OR lr."endDate" >= p_today)
                  AND lr."revokedAt" IS NULL), '[]'::jsonb) AS "legalRepresentations",
      COALESCE((SELECT ra."kind" = 'GIVEN' FROM "RepresentativeAgreementEvent" ra
                WHERE ra."patientId" = p_patient_id AND ra."representativeId" = p_person_id
                ORDER BY ra."occurredAt" DESC, (ra."kind" = 'WITHDRAWN') DESC
                LIMIT 1), false) AS "minorAgreementGiven";
END;
$$;
