// The embedded PostgreSQL server (scripts/db/pglite-server.ts, ADR 0005): PGlite is one backend
// shared by every connection, so the server must keep one connection's extended-protocol batch
// and transaction together. Without that, another connection's Parse replaces the unnamed
// statement in between and the first connection silently runs the other one's query.
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readyForQueryStatus, startPgliteServer, type PgliteServer } from "../../scripts/db/pglite-server";

/** A minimal wire-protocol client: lets a test split one batch over several TCP writes. */
class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  readonly dataRows: string[][] = [];
  readonly errors: string[] = [];
  readyCount = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const connection = new RawConnection(socket);
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    await connection.sendAndWaitReady(Buffer.concat([startup, params]));
    return connection;
  }

  static message(type: string, body: Buffer): Buffer {
    const header = Buffer.alloc(5);
    header.write(type, 0, "ascii");
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  }

  static parse(sql: string): Buffer {
    return RawConnection.message("P", Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.from([0, 0])]));
  }

  /** Bind the unnamed statement without parameters, describe, execute, sync. */
  static bindExecuteSync(): Buffer {
    return Buffer.concat([
      RawConnection.message("B", Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])),
      RawConnection.message("D", Buffer.from("P\0")),
      RawConnection.message("E", Buffer.from([0, 0, 0, 0, 0])),
      RawConnection.message("S", Buffer.alloc(0)),
    ]);
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  sendAndWaitReady(bytes: Buffer): Promise<void> {
    const ready = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.socket.write(bytes);
    return ready;
  }

  close(): void {
    this.socket.destroy();
  }

  private drain(): void {
    while (this.buffer.length >= 5) {
      const type = String.fromCharCode(this.buffer[0] ?? 0);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const body = this.buffer.subarray(5, 1 + length);
      this.buffer = this.buffer.subarray(1 + length);
      if (type === "R" && body.readInt32BE(0) === 3) {
        this.socket.write(RawConnection.message("p", Buffer.from("postgres\0")));
      } else if (type === "D") {
        const values: string[] = [];
        let offset = 2;
        for (let column = 0; column < body.readInt16BE(0); column++) {
          const size = body.readInt32BE(offset);
          values.push(body.subarray(offset + 4, offset + 4 + size).toString());
          offset += 4 + size;
        }
        this.dataRows.push(values);
      } else if (type === "E") {
        const message = /M([^\0]*)\0/.exec(body.toString())?.[1] ?? "error";
        this.errors.push(message);
      } else if (type === "Z") {
        this.readyCount++;
        this.waiters.shift()?.();
      }
    }
  }
}

describe("embedded PostgreSQL server", () => {
  let server: PgliteServer;

  beforeAll(async () => {
    server = await startPgliteServer({});
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("keeps a connection's batch together: another connection cannot slip its statement in between", async () => {
    const first = await RawConnection.open(server.port);
    const second = new pg.Client({ connectionString: server.url });
    await second.connect();
    try {
      first.write(RawConnection.parse("SELECT 'first connection' AS who"));
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Without the session lock this runs at once and replaces the first connection's statement.
      const secondQuery = second.query("SELECT $1::text AS who", ["second connection"]);
      let secondDone = false;
      void secondQuery.then(() => (secondDone = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(secondDone).toBe(false);

      await first.sendAndWaitReady(RawConnection.bindExecuteSync());
      expect(first.errors).toEqual([]);
      expect(first.dataRows).toEqual([["first connection"]]);
      expect((await secondQuery).rows).toEqual([{ who: "second connection" }]);
    } finally {
      first.close();
      await second.end();
    }
  });

  it("serializes transactions of different connections and rolls back one whose connection is lost", async () => {
    const setup = new pg.Client({ connectionString: server.url });
    await setup.connect();
    await setup.query("CREATE TABLE embedded_check (who text)");

    const lost = new pg.Client({ connectionString: server.url });
    lost.on("error", () => {});
    await lost.connect();
    await lost.query("BEGIN");
    await lost.query("INSERT INTO embedded_check VALUES ('lost')");

    // Waits behind the open transaction instead of reading inside it.
    const reader = setup.query("SELECT count(*)::int AS n FROM embedded_check");
    (lost as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();

    expect((await reader).rows).toEqual([{ n: 0 }]);
    await setup.query("DROP TABLE embedded_check");
    await setup.end();
  });

  it("recognises only a complete ReadyForQuery message at the end of a response", () => {
    const ready = (status: string) => new Uint8Array([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
    expect(readyForQueryStatus(ready("I"))).toBe("I".charCodeAt(0));
    expect(readyForQueryStatus(ready("T"))).toBe("T".charCodeAt(0));
    expect(readyForQueryStatus(new Uint8Array([0x31, 0, 0, 0, 4]))).toBeNull(); // ParseComplete
    expect(readyForQueryStatus(new Uint8Array([0x5a, 0, 0, 0, 6, 0x49]))).toBeNull();
    expect(readyForQueryStatus(new Uint8Array([0, 0, 0, 5, 0x49]))).toBeNull();
  });
});
