// The access log's chain key (ADR 0016), loaded once per process. It lives in the configuration
// (AUDIT_CHAIN_KEY), never in the database: `npm start` passes the configured key, or on the
// embedded/development setup one generated once into PORTAL_DATA_DIR (scripts/audit/keys.ts).
// There is no built-in fallback: an entry linked with a key everyone knows would prove nothing.
import { env } from "@/lib/env";

let loaded: Buffer | undefined;

export function auditChainKey(): Buffer {
  if (loaded) return loaded;
  if (!env.AUDIT_CHAIN_KEY) {
    throw new Error(
      "AUDIT_CHAIN_KEY is not set: the access log cannot be written (npm start sets it; see .env.example)",
    );
  }
  loaded = Buffer.from(env.AUDIT_CHAIN_KEY, "utf8");
  return loaded;
}
