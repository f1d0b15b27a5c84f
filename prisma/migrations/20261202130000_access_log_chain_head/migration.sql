-- The head of one access-log chain, read under that chain's lock, in ONE statement (issue 12: a
-- record view in a fixed, small number of round trips). It takes the transaction-level advisory
-- lock that serialises the chain's appends (namespace 4004, lib/audit/log.ts) and then reads the
-- chain's latest link. VOLATILE and plpgsql on purpose: in READ COMMITTED each statement of a
-- volatile function takes a fresh snapshot, so the read AFTER the lock sees the previous holder's
-- committed entry (one plain statement would read with the snapshot it started with, before the
-- lock was granted). The link itself is still computed by the portal with the chain key, which
-- never reaches the database (ADR 0016). NULL: the chain is empty (the portal starts it at its
-- genesis link).
CREATE FUNCTION "access_log_chain_head"(chain_key text, patient_id text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4004, hashtext(chain_key));
  IF patient_id IS NULL THEN
    RETURN (SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" IS NULL ORDER BY "id" DESC LIMIT 1);
  END IF;
  RETURN (SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" = patient_id ORDER BY "id" DESC LIMIT 1);
END
$$;
