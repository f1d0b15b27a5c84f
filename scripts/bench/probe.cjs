// Preloaded (`node --require`) into the portal processes that `npm run bench` and `npm run soak`
// start, never into a deployment: the portal itself exposes no metrics. In the Next server process
// (its title is "next-server (…)") it samples, once a second, the event-loop delay of that second
// (perf_hooks.monitorEventLoopDelay) and the process memory, and appends them as a JSON line to
// <BENCH_PROBE_DIR>/<pid>.jsonl, which the benchmark reads. Other processes (npm, tsx, next build)
// write nothing.
"use strict";
const { monitorEventLoopDelay } = require("node:perf_hooks");
const { appendFileSync } = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const file = path.join(dir, `${process.pid}.jsonl`);
  const timer = setInterval(() => {
    if (!process.title.startsWith("next-server")) {
      histogram.reset();
      return;
    }
    const memory = process.memoryUsage();
    const line = {
      at: Date.now(),
      pid: process.pid,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopDelayMs: {
        p50: histogram.percentile(50) / 1e6,
        p99: histogram.percentile(99) / 1e6,
        max: histogram.max / 1e6,
      },
    };
    histogram.reset();
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // The benchmark removed its folder: nothing left to report to.
    }
  }, 1000);
  timer.unref();
}
