// The benchmark's own instruments (scripts/bench, ADR 0024), checked against things whose answer is
// known: the counting proxy counts one round trip per simple and per parameterised query through
// a real PostgreSQL connection, and the open loop sends at the asked rate, counts latency from when
// a request was due and counts an unexpected status as an error.
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLoop, saturation } from "../../scripts/bench/load";
import { startCountingProxy } from "../../scripts/bench/portal";
import { testDatabaseUrl } from "../support/database";

describe("the counting proxy in front of PostgreSQL", () => {
  it("forwards a connection untouched and counts one round trip per query, simple or parameterised", async () => {
    const proxy = await startCountingProxy(testDatabaseUrl());
    const client = new pg.Client({ connectionString: proxy.url });
    try {
      await client.connect();
      const before = proxy.roundTrips();
      await client.query("SELECT 1");
      const { rows } = await client.query<{ value: number }>("SELECT $1::int + 1 AS value", [41]);
      await client.query("BEGIN");
      await client.query("SELECT $1::text AS a, $2::text AS b", ["x", "y"]);
      await client.query("COMMIT");
      expect(rows[0]!.value).toBe(42);
      expect(proxy.roundTrips() - before).toBe(5);
    } finally {
      await client.end();
      await proxy.close();
    }
  });
});

describe("the load generator", () => {
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    // Answers after 20 ms; /missing answers 404.
    server = http.createServer((request, response) => {
      setTimeout(() => {
        response.statusCode = request.url === "/missing" ? 404 : 200;
        response.end("hello");
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends at the asked rate in an open loop and counts latency from when each request was due", async () => {
    const result = await openLoop([origin], { path: "/" }, 50, 1);
    expect(result.sent).toBe(50);
    expect(result.completed).toBe(50);
    expect(result.errors).toBe(0);
    expect(result.requestsPerSecond).toBeGreaterThan(35);
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(19);
    expect(result.bodyBytes).toBe(5);
  });

  it("counts an unexpected status as an error, at saturation too", async () => {
    const result = await saturation([origin], { path: "/missing" }, 4, 0.3);
    expect(result.completed).toBeGreaterThan(0);
    expect(result.errors).toBe(result.completed);
    expect(result.statuses["404"]).toBe(result.completed);
    expect(result.requestsPerSecond).toBe(0);
  });
});
