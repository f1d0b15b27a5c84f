// withActor and parseJsonBody on their own: the request-shape rules run before the session is
// read, and a body is never read past its limit. The session lookup is replaced by a spy, so a
// test can prove it was never reached.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { SessionState } from "@/lib/auth/portal-session";

const getSessionState = vi.fn<() => Promise<SessionState>>();
vi.mock("@/lib/auth/session", () => ({ getSessionState: () => getSessionState() }));

const { parseJsonBody, withActor } = await import("./route");

const BASE = "http://127.0.0.1:3000";
const actor: Actor = {
  sessionId: "s",
  personId: "usr-nina",
  displayName: "Nina",
  roles: ["NURSE"],
  activeRole: "NURSE",
  declaration: { currentVersion: 4, accepted: true },
  suspended: false,
  secondFactor: { required: false, enrolled: false },
};
const context = { params: Promise.resolve({ id: "pat-an" }) };

function request(init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(`${BASE}/api/patients/pat-an/emergency-access`, {
    method: init.method ?? "POST",
    headers: { host: "127.0.0.1:3000", ...init.headers },
    body: init.body,
    // Node's fetch needs this for a streamed body.
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

beforeEach(() => {
  getSessionState.mockReset();
  getSessionState.mockResolvedValue({ status: "active", actor });
});

describe("withActor", () => {
  const handler = vi.fn(async () => Response.json({ ok: true }));
  const route = withActor(handler);

  beforeEach(() => handler.mockClear());

  it("refuses a foreign or missing Origin with 403 before reading the session", async () => {
    const foreignOrMissing: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "application/json" },
      { "content-type": "application/json" },
    ];
    for (const headers of foreignOrMissing) {
      const response = await route(request({ headers, body: "{}" }), context);
      expect(response.status).toBe(403);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    expect(getSessionState).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses `text/plain; application/json` from the portal's own origin with 415 before reading the session", async () => {
    const response = await route(
      request({ headers: { origin: BASE, "content-type": "text/plain; application/json" }, body: "{}" }),
      context,
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
    expect(getSessionState).not.toHaveBeenCalled();
  });

  it("refuses a read another site started before reading the session", async () => {
    const response = await route(request({ method: "GET", headers: { "sec-fetch-site": "cross-site" } }), context);
    expect(response.status).toBe(403);
    expect(getSessionState).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets a same-origin JSON write and a same-origin read through to the handler, with no-store", async () => {
    const write = await route(
      request({ headers: { origin: BASE, "content-type": "application/json" }, body: "{}" }),
      context,
    );
    expect(write.status).toBe(200);
    expect(write.headers.get("cache-control")).toBe("no-store");
    const read = await route(request({ method: "GET", headers: { "sec-fetch-site": "same-origin" } }), context);
    expect(read.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });
});

/** A body that never ends, counting how many chunks were pulled from it. */
function endlessBody(chunkBytes = 16 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled += 1;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      },
      // No read-ahead: a chunk is pulled only when someone reads.
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("parseJsonBody", () => {
  const schema = z.strictObject({ reason: z.string() });
  const json = { origin: BASE, "content-type": "application/json" };

  it("refuses a declared oversized body with 413 before reading a byte of it", async () => {
    const { stream, state } = endlessBody();
    await expect(
      parseJsonBody(request({ headers: { ...json, "content-length": "70000" }, body: stream }), schema),
    ).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(state.pulled).toBe(0);
  });

  it("stops reading a body without Content-Length as soon as it passes the limit", async () => {
    const { stream, state } = endlessBody();
    await expect(parseJsonBody(request({ headers: json, body: stream }), schema)).rejects.toMatchObject({
      code: "payload_too_large",
    });
    // 64 KiB in 16 KiB chunks: the fifth chunk crosses the limit.
    expect(state.pulled).toBeLessThanOrEqual(6);
  });

  it("reads a body up to the limit", async () => {
    const body = JSON.stringify({ reason: "x".repeat(1000) });
    await expect(parseJsonBody(request({ headers: json, body }), schema)).resolves.toEqual({
      reason: "x".repeat(1000),
    });
  });

  it("answers 400 for invalid JSON, invalid UTF-8 and unknown fields, naming what is wrong", async () => {
    await expect(parseJsonBody(request({ headers: json, body: "{" }), schema)).rejects.toMatchObject({ status: 400 });
    await expect(
      parseJsonBody(request({ headers: json, body: new Uint8Array([0x7b, 0xff, 0x7d]) }), schema),
    ).rejects.toMatchObject({ status: 400, userMessage: expect.stringContaining("UTF-8") });
    await expect(
      parseJsonBody(request({ headers: json, body: '{"reason":"x","__proto__":{"polluted":1}}' }), schema),
    ).rejects.toMatchObject({ status: 400 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a body that is not declared as application/json with 415", async () => {
    await expect(
      parseJsonBody(request({ headers: { ...json, "content-type": "text/plain" }, body: "{}" }), schema),
    ).rejects.toMatchObject({ status: 415 });
  });
});
