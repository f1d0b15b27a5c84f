#!/usr/bin/env node
// Completes package-lock.json with the other platforms' optional native packages (@next/swc-*,
// @swc/core-*, @tailwindcss/oxide-*). The npm registry these machines reach does not serve
// them, so `npm install` here writes a lock without their entries, and `npm ci` then refuses
// it ("Missing: @swc/core-darwin-arm64@ from lock file"). An entry with the platform fields is
// all npm ci needs to skip such a package on Linux: it never fetches it. `npm install` keeps
// these entries afterwards.
//
//   node .ci/complete-lockfile.mjs            adds the missing entries to package-lock.json
//   node .ci/complete-lockfile.mjs --check    exits 1 (listing them) when entries are missing
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const check = process.argv.includes("--check");
const lock = JSON.parse(readFileSync(lockPath, "utf8"));

const platformPattern = /-(darwin|linux|win32|android|freebsd)-(arm64|x64|arm|ia32|ppc64|s390x)(-|$)/;
const missing = new Map();
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = name.match(platformPattern);
    let fields;
    if (platform) fields = { os: [platform[1]], cpu: [platform[2]] };
    else if (/-wasm32-/.test(name)) fields = { cpu: ["wasm32"] };
    else {
      // Not a platform package: a genuinely missing dependency that this script must not paper over.
      console.error(
        `${name}@${version} (optional dependency of ${key || "the project"}) is missing from the lock and is not a platform package: run npm install`,
      );
      process.exit(1);
    }
    missing.set(`node_modules/${name}`, { version, optional: true, ...fields });
  }
}

if (missing.size === 0) {
  console.log("package-lock.json: no platform packages missing");
  process.exit(0);
}
if (check) {
  console.error(`package-lock.json lacks ${missing.size} platform package(s); npm ci will refuse it:`);
  for (const [key, entry] of missing) console.error(`  ${key.replace("node_modules/", "")}@${entry.version}`);
  console.error("Fix: node .ci/complete-lockfile.mjs && git commit package-lock.json");
  process.exit(1);
}
const [root, ...rest] = Object.entries({ ...lock.packages, ...Object.fromEntries(missing) }).sort(([a], [b]) =>
  a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
);
lock.packages = Object.fromEntries([root, ...rest]);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${missing.size} platform package entries`);
