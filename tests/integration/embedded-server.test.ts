// The embedded PostgreSQL server (scripts/db/embedded.ts, postgres-server.ts; ADR 0010): one
// owner per data folder, data kept across restarts, loopback and password only, and a data
// folder whose owner was killed with SIGKILL starts again without manual steps.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { acquireEmbeddedDatabase, embeddedPaths, embeddedPassword } from "../../scripts/db/embedded";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-embedded-test-"));
// mkdtemp makes it private (700); as root the server runs as "postgres", which must get in.
chmodSync(dataDir, 0o755);
const paths = embeddedPaths(dataDir);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL server", () => {
  it("serves PostgreSQL 18 on loopback only, keeps its data across restarts and is shared with commands", async () => {
    const portal = await acquireEmbeddedDatabase(dataDir, { owner: "portal" });
    try {
      expect(portal.owned).toBe(true);
      const [settings] = await query<{ version: string; listen: string; sockets: string; auth: string }>(
        portal.adminUrl,
        `SELECT current_setting('server_version_num') AS version, current_setting('listen_addresses') AS listen,
                current_setting('unix_socket_directories') AS sockets, current_setting('password_encryption') AS auth`,
      );
      expect(Number(settings!.version)).toBeGreaterThanOrEqual(180000);
      expect(settings).toMatchObject({ listen: "127.0.0.1", sockets: "", auth: "scram-sha-256" });

      // Least privilege (ADR 0010): the portal's role owns nothing; the owner's runs migrations.
      expect(await query(portal.url, "SELECT current_user AS role")).toEqual([{ role: "portal_app" }]);
      expect(await query(portal.ownerUrl, "SELECT current_user AS role")).toEqual([{ role: "portal_owner" }]);
      await expect(query(portal.url, "CREATE TABLE intruder (value text)")).rejects.toThrow(/permission denied/);
      await query(portal.ownerUrl, "CREATE TABLE kept (value text); GRANT SELECT, INSERT ON kept TO portal_runtime");
      await query(portal.url, "INSERT INTO kept VALUES ('before restart')");

      // A db:* command beside the running portal uses the portal's server.
      const command = await acquireEmbeddedDatabase(dataDir, { owner: "command" });
      expect(command).toMatchObject({ owned: false, port: portal.port });
      expect(await query(command.url, "SELECT value FROM kept")).toEqual([{ value: "before restart" }]);
      await command.release();

      // A second portal on the same folder would outlive the first one's server: refused.
      await expect(acquireEmbeddedDatabase(dataDir, { owner: "portal", waitMs: 2_000 })).rejects.toThrow(
        /already runs on this data folder/,
      );

      // Only with the generated password.
      const wrong = new URL(portal.url);
      wrong.password = "not-the-password";
      await expect(query(wrong.toString(), "SELECT 1")).rejects.toThrow(/password authentication failed/);
    } finally {
      await portal.release();
    }
    expect(existsSync(paths.stateFile)).toBe(false);
    expect(existsSync(path.join(paths.clusterDir, "postmaster.pid"))).toBe(false);
    expect(statSync(paths.passwordFile).mode & 0o777).toBe(0o600);

    const password = embeddedPassword(dataDir);
    const again = await acquireEmbeddedDatabase(dataDir, { owner: "portal" });
    try {
      expect(embeddedPassword(dataDir)).toBe(password);
      expect(await query(again.url, "SELECT value FROM kept")).toEqual([{ value: "before restart" }]);
    } finally {
      await again.release();
    }
  });

  it("starts again with the same data after its owner was killed with SIGKILL", async () => {
    const fixture = path.resolve("tests/integration/fixtures/hold-embedded-database.ts");
    const owner = spawn(process.execPath, ["--import", "tsx", fixture, dataDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      owner.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const ready = /ready (\d+)/.exec(output);
        if (ready) resolve(Number(ready[1]));
      });
      owner.once("exit", (code) => reject(new Error(`the owner exited early (${code}): ${output}`)));
    });
    const held = await acquireEmbeddedDatabase(dataDir, { owner: "command" });
    expect(held).toMatchObject({ owned: false, port });
    await query(held.url, "INSERT INTO kept VALUES ('written before the kill')");
    await held.release();

    const exited = new Promise((resolve) => owner.once("exit", resolve));
    owner.kill("SIGKILL");
    await exited;
    // Nothing of the owner's clean-up ran: its lock names a dead process, its server still runs.
    expect(existsSync(paths.stateFile)).toBe(true);
    expect(alive(owner.pid!)).toBe(false);

    const next = await acquireEmbeddedDatabase(dataDir, { owner: "portal" });
    try {
      expect(next.owned).toBe(true);
      expect(await query(next.url, "SELECT value FROM kept ORDER BY value")).toEqual([
        { value: "before restart" },
        { value: "written before the kill" },
      ]);
    } finally {
      await next.release();
    }
  });
});
