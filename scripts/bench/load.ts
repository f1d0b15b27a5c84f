// The benchmark's load generator (ADR 0024): an open loop at a fixed arrival rate and a closed loop
// at saturation, over keep-alive HTTP/1.1, round-robin over one or more portal instances.
//
// Open loop: request i is due at start + i / rate, whether or not earlier ones have answered, and
// its latency counts from when it was due, not from when a socket was free: a server that falls
// behind shows it in the percentiles instead of slowing the generator down (no coordinated
// omission). In-flight requests are capped; a request due beyond the cap is counted as dropped
// (an error), so an overloaded phase cannot pile up without bound.
import http from "node:http";
import { performance } from "node:perf_hooks";

export type RequestSpec = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A fresh body per request (e.g. a new row id each time). */
  body?: () => { contentType: string; data: Buffer };
  /** Sends the instance's own origin as `Origin` (a write from the portal's pages, ADR 0012). */
  sameOrigin?: boolean;
  /** The statuses that count as success; default 200. */
  ok?: number[];
};

export type PhaseResult = {
  mode: "open" | "saturation";
  /** Requests per second asked for (open loop). */
  rate?: number;
  connections?: number;
  instances: number;
  seconds: number;
  sent: number;
  completed: number;
  errors: number;
  dropped: number;
  statuses: Record<string, number>;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Bytes of the bodies received, per successful request (mean). */
  bodyBytes: number;
};

const TIMEOUT_MS = 10_000;
const MAX_IN_FLIGHT = 400;

const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, maxFreeSockets: 64 });

export type Sample = { status: number; ms: number; bytes: number; ok: boolean; error?: string };

/** One request; resolves (never rejects) with its status (0 on a network error or timeout). */
export function send(origin: string, spec: RequestSpec, startedAt = performance.now()): Promise<Sample> {
  const url = new URL(spec.path, origin);
  const body = spec.body?.();
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: spec.method ?? "GET",
        agent,
        timeout: TIMEOUT_MS,
        headers: {
          ...spec.headers,
          ...(spec.sameOrigin ? { origin: url.origin } : {}),
          ...(body ? { "content-type": body.contentType, "content-length": String(body.data.length) } : {}),
        },
      },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve({ status, ms: performance.now() - startedAt, bytes, ok: (spec.ok ?? [200]).includes(status) });
        });
        response.on("error", (error) =>
          resolve({ status: 0, ms: performance.now() - startedAt, bytes, ok: false, error: error.message }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) =>
      resolve({ status: 0, ms: performance.now() - startedAt, bytes: 0, ok: false, error: error.message }),
    );
    request.end(body?.data);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarise(
  base: Pick<PhaseResult, "mode" | "rate" | "connections" | "instances">,
  samples: Sample[],
  seconds: number,
  sent: number,
  dropped: number,
): PhaseResult {
  const statuses: Record<string, number> = {};
  let errors = dropped;
  let bytes = 0;
  let good = 0;
  for (const sample of samples) {
    const key = sample.status === 0 ? (sample.error ?? "network") : String(sample.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (sample.ok) {
      good += 1;
      bytes += sample.bytes;
    } else errors += 1;
  }
  if (dropped > 0) statuses.dropped = dropped;
  const latencies = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    ...base,
    seconds,
    sent,
    completed: samples.length,
    errors,
    dropped,
    statuses,
    requestsPerSecond: good / seconds,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    bodyBytes: good > 0 ? Math.round(bytes / good) : 0,
  };
}

/** `rate` requests per second for `seconds`, round-robin over `origins`. */
export async function openLoop(
  origins: string[],
  spec: RequestSpec | ((index: number) => RequestSpec),
  rate: number,
  seconds: number,
): Promise<PhaseResult> {
  const total = Math.round(rate * seconds);
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  let dropped = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (pending.size >= MAX_IN_FLIGHT) {
      dropped += 1;
      continue;
    }
    const request = send(origins[i % origins.length]!, typeof spec === "function" ? spec(i) : spec, due).then(
      (sample) => {
        samples.push(sample);
        pending.delete(request);
      },
    );
    pending.add(request);
  }
  await Promise.all(pending);
  const elapsed = Math.max(seconds, (performance.now() - start) / 1000);
  return summarise({ mode: "open", rate, instances: origins.length }, samples, elapsed, total, dropped);
}

/** `connections` requests always in flight for `seconds`, round-robin over `origins`. */
export async function saturation(
  origins: string[],
  spec: RequestSpec,
  connections: number,
  seconds: number,
): Promise<PhaseResult> {
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() < end) samples.push(await send(origins[next++ % origins.length]!, spec));
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  return summarise({ mode: "saturation", connections, instances: origins.length }, samples, elapsed, samples.length, 0);
}
