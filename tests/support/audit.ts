// The access log's chain key in the integration tests: the one tests/support/global-setup.ts put
// in AUDIT_CHAIN_KEY for the portal's code and the audit:* commands alike.
export function testChainKey(): Buffer {
  const key = process.env.AUDIT_CHAIN_KEY;
  if (!key) throw new Error("AUDIT_CHAIN_KEY is not set: run integration tests through the Vitest integration project");
  return Buffer.from(key, "utf8");
}
