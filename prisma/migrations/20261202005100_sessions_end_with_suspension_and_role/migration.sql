-- Sessions end at once when their person is suspended or loses a role (issue 10, ADR 0014), in
-- the same transaction as the suspension or the role change, whatever code or person makes it:
-- misuse detection (lib/access/misuse.ts), a manual suspension, or a role removed in the
-- database by an administrator. The session lookup (lib/auth/portal-session.ts) then treats
-- the session as ended: a copied cookie grants nothing, even after the suspension is lifted.

CREATE FUNCTION "portal_session_end_on_suspension"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."liftedAt" IS NULL AND (TG_OP = 'INSERT' OR OLD."liftedAt" IS NOT NULL) THEN
    UPDATE "PortalSession"
       SET "endedAt" = now(), "endReason" = 'suspended'
     WHERE "personId" = NEW."personId" AND "endedAt" IS NULL;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "suspension_ends_sessions"
  AFTER INSERT OR UPDATE OF "liftedAt" ON "Suspension"
  FOR EACH ROW EXECUTE FUNCTION "portal_session_end_on_suspension"();

CREATE FUNCTION "portal_session_end_on_role_removal"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Every session of the person, not only those acting in the removed role: a session that has
  -- not chosen its role yet could otherwise still choose it from a stale page.
  UPDATE "PortalSession"
     SET "endedAt" = now(), "endReason" = 'role_removed'
   WHERE "personId" = OLD."personId" AND "endedAt" IS NULL;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "role_removal_ends_sessions"
  AFTER DELETE OR UPDATE OF "role", "personId" ON "PersonRole"
  FOR EACH ROW EXECUTE FUNCTION "portal_session_end_on_role_removal"();

-- The security log is evidence like the access log: append-only for the application's rights.
CREATE FUNCTION "login_attempt_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the security log is append-only: % on "LoginAttempt" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "login_attempt_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "LoginAttempt"
  FOR EACH ROW EXECUTE FUNCTION "login_attempt_refuse_change"();

CREATE TRIGGER "login_attempt_no_truncate"
  BEFORE TRUNCATE ON "LoginAttempt"
  FOR EACH STATEMENT EXECUTE FUNCTION "login_attempt_refuse_change"();
