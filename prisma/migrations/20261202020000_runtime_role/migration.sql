-- Least-privilege database roles (issue 10, ADR 0010): migrations run as the role that owns the
-- schema; the portal runs as a role that owns nothing. Its rights come from the group role
-- "portal_runtime" (NOLOGIN), of which the portal's login role is a member: the embedded setup
-- creates both (scripts/db/postgres-server.ts), a real PostgreSQL's administrator creates them
-- as the README says. Where nobody created the group role yet, this creates it (that needs
-- CREATEROLE, which a superuser running the migrations has).
--
-- The runtime role may read and change the application's tables, but the access log only
-- SELECT and INSERT: no UPDATE, DELETE or TRUNCATE (the trigger refuses them too), and as it
-- owns nothing it cannot ALTER the table, disable its triggers or drop them. It cannot create
-- tables (PostgreSQL 15+ grants no CREATE on schema public to PUBLIC) and cannot see the
-- migration history.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_runtime') THEN
    CREATE ROLE portal_runtime NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO portal_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_runtime;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO portal_runtime;

-- Tables, sequences and functions that later migrations create (as the same owner role) get
-- the same rights; an append-only table of a later migration revokes UPDATE and DELETE itself.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO portal_runtime;

REVOKE UPDATE, DELETE, TRUNCATE ON "AccessLogEntry" FROM portal_runtime;
-- The security log of login attempts (ADR 0013) is append-only for the portal too.
REVOKE UPDATE, DELETE, TRUNCATE ON "LoginAttempt" FROM portal_runtime;
-- The history table exists wherever migrations are applied, but not in the schema engine's
-- shadow database, where the migrations are only replayed.
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM portal_runtime;
  END IF;
END
$$;
