-- The access log is append-only at the database level (issue 3, ADR 0004): whatever code or
-- person connects with the application's rights, UPDATE, DELETE and TRUNCATE of
-- "AccessLogEntry" are refused. Only the table owner can disable these triggers (ALTER TABLE),
-- and what such an owner edits is then caught by the per-patient hash chain
-- (`npm run audit:verify`). Test databases that need emptying between tests disable the
-- triggers explicitly around their TRUNCATE.

CREATE FUNCTION "access_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % on "AccessLogEntry" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "access_log_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AccessLogEntry"
  FOR EACH ROW EXECUTE FUNCTION "access_log_refuse_change"();

CREATE TRIGGER "access_log_no_truncate"
  BEFORE TRUNCATE ON "AccessLogEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "access_log_refuse_change"();
