// The portal's one secret (AUTH_SECRET): it signs the session cookie and keys the access log's
// pseudonyms. Its own module, free of database imports, so lib code and tests can use it.
import { env } from "@/lib/env";

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production");
  // Development and tests only: a fixed secret is harmless where nothing real is protected.
  return "development-only-secret-never-used-in-production-0000";
}
