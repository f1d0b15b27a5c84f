// PGlite (PostgreSQL compiled to WebAssembly) served on loopback, so that `pg`, Prisma's
// adapter-pg and the schema engine talk to it like to any PostgreSQL server (ADR 0005).
//
// PGlite is ONE backend. @electric-sql/pglite-socket multiplexes several client connections onto
// it per protocol message, and hands the backend to another connection whenever no explicit
// transaction block is open. Between the messages of one extended-protocol batch
// (Parse/Bind/Execute ... Sync) that is wrong: a second connection's Parse replaces the first
// one's unnamed statement, and the first connection's Bind/Execute then runs the OTHER query.
// We reproduced it (ADR 0005): a silent wrong answer, the worst bug in a care record. So the
// queue below keeps the backend with one connection from its first message until the backend
// reports ReadyForQuery "idle" (outside any batch and any transaction). Connections then behave
// like serialized sessions: safe, though still one shared session (see ADR 0005 for SET).
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";

/** Connections accepted at once: the portal's pool, next build workers, db:* commands, tests. */
export const EMBEDDED_MAX_CONNECTIONS = 32;

/**
 * Pool size for the portal on the embedded server. The backend runs one session at a time
 * anyway, so more connections add no parallelism; but requests should queue at the server
 * rather than in the client pool, where Prisma gives up on an interactive transaction after
 * 2 s (maxWait). Measured (ADR 0005): 50 concurrent transactions plus 50 reads, pool 4 -> 9
 * "Unable to start a transaction in the given time"; pool 10 -> none. 10 leaves room below
 * EMBEDDED_MAX_CONNECTIONS for a db:* command and the test or build processes.
 */
export const EMBEDDED_POOL_MAX = 10;

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

const READY_FOR_QUERY = 0x5a; // 'Z'
const STATUS_IDLE = 0x49; // 'I': no batch, no transaction
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * The transaction status of the backend if `tail` (the last bytes of a response) is a
 * ReadyForQuery message. Every response that can end a batch (to Sync or a simple Query) ends
 * with ReadyForQuery; every other backend message ends in a NUL byte, so the six-byte pattern
 * 'Z' 00 00 00 05 <I|T|E> cannot be a false positive.
 */
export function readyForQueryStatus(tail: Uint8Array): number | null {
  if (tail.length < 6) return null;
  const start = tail.length - 6;
  const isReady =
    tail[start] === READY_FOR_QUERY &&
    tail[start + 1] === 0 &&
    tail[start + 2] === 0 &&
    tail[start + 3] === 0 &&
    tail[start + 4] === 5;
  return isReady ? (tail[start + 5] ?? null) : null;
}

function keepTail(previous: Uint8Array, chunk: Uint8Array, size: number): Uint8Array {
  if (chunk.length >= size) return chunk.slice(chunk.length - size);
  const joined = new Uint8Array(previous.length + chunk.length);
  joined.set(previous);
  joined.set(chunk, previous.length);
  return joined.slice(Math.max(0, joined.length - size));
}

/**
 * Drop-in for pglite-socket's internal query queue (same three methods the handler calls), with
 * session-level exclusivity instead of transaction-block-level exclusivity.
 */
export class SessionLockedQueryQueue {
  private queue: QueuedMessage[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const dropped = this.queue.filter((item) => item.handlerId === handlerId);
    this.queue = this.queue.filter((item) => item.handlerId !== handlerId);
    for (const item of dropped) item.reject(new Error("connection closed"));
  }

  /**
   * A client that disconnects while holding the backend must not leave it mid-batch or inside a
   * transaction: Sync ends a pending batch like PostgreSQL's own end of a batch, and an open
   * transaction is rolled back, as PostgreSQL does when a connection is lost.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      // exec() takes PGlite's lock itself; the raw protocol call needs it taken explicitly.
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} }));
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
      void this.pump();
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index < 0 || index >= this.queue.length) return;
        const [item] = this.queue.splice(index, 1);
        if (!item) return;
        let tail: Uint8Array = new Uint8Array(0);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                tail = keepTail(tail, data, 6);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          // PGlite reports SQL errors as protocol messages; a throw here means the backend itself
          // failed. Keep the lock with this connection: its disconnect cleanup releases it.
          this.owner = item.handlerId;
          item.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        this.owner = readyForQueryStatus(tail) === STATUS_IDLE ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}

export type PgliteServer = {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  readonly db: PGlite;
  stop(): Promise<void>;
};

export type PgliteServerOptions = {
  /** Folder of the database files; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
};

export function pgliteUrl(host: string, port: number): string {
  return `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`;
}

export async function startPgliteServer(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const host = "127.0.0.1";
  const maxConnections = options.maxConnections ?? EMBEDDED_MAX_CONNECTIONS;
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const queryQueue = new SessionLockedQueryQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();

  const server = net.createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.destroy();
      return;
    }
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue, clearQueueForHandler, clearTransactionIfNeeded and
      // getQueueLength; the package does not export its queue's type under a usable name.
      queryQueue: queryQueue as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("PGlite server has no TCP address");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Detaching rolls back what a connection left open; it needs the database, so before close().
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await closed;
      // close() checkpoints and flushes the files: without it the next start replays the WAL.
      await db.close();
    })();
    return stopping;
  };

  return { host, port: address.port, url: pgliteUrl(host, address.port), db, stop };
}
