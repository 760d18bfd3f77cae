import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { startEmbeddedPostgres } from "./embeddedPostgres.js";
import { statementName } from "./statementNames.js";
import { keepStatementsUnnamed } from "./rawQuery.js";

export interface Database {
  prisma: PrismaClient;
  /** The pool Prisma uses; the session store shares it. */
  pool: pg.Pool;
  connectionString: string;
  kind: "server" | "embedded";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  embeddedDir: string;
  /** Connections to a PostgreSQL server (config's DB_POOL_SIZE); the embedded database has one. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    if (!options.poolSize) throw new Error("openDatabase: a PostgreSQL server needs a pool size");
    return connect(options.databaseUrl, options.poolSize, "server", async () => {});
  }
  const embedded = await startEmbeddedPostgres(options.embeddedDir);
  // One connection: PGlite is single-session; node-postgres queues the rest.
  return connect(embedded.connectionString, 1, "embedded", () => embedded.stop());
}

export function connect(
  connectionString: string,
  max: number,
  kind: Database["kind"],
  onClose: () => Promise<void>,
): Database {
  // With one embedded connection, requests queue for it: give them time to get their turn.
  const connectionTimeoutMillis = kind === "embedded" ? 60_000 : 10_000;
  // keepAlive: a connection whose server vanished without closing it (network, failover)
  // is noticed instead of hanging. A client that failed (server restart: 57P01,
  // "Connection terminated") is not queryable any more and node-postgres' pool drops
  // it on release instead of handing it out again: the next query opens a new one.
  // PGlite serves one session that outlives the connection: a new connection finds the old
  // one's named statements still prepared ("prepared statement ... already exists"). So the
  // embedded connection is never closed for idleness, and its statements are not named
  // (a reconnection after an error must work too); a server gives each connection a session.
  const embedded = kind === "embedded";
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis,
    idleTimeoutMillis: embedded ? 0 : 30_000,
    keepAlive: true,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  if (embedded) keepStatementsUnnamed(pool);
  const adapter = new PrismaPg(pool, embedded ? {} : { statementNameGenerator: statementName });
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    pool,
    connectionString,
    kind,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await onClose();
    },
  };
}

/**
 * Resolves once no connection of the pool has been in use for `quietMs` (or
 * after `timeoutMs` anyway). At shutdown the HTTP server closes when its
 * sockets do, but a handler whose client went away keeps running its queries:
 * closing the pool under it would fail them ("Cannot use a pool after calling
 * end on the pool"). Between two queries of one handler the pool is briefly
 * idle, hence the quiet period rather than a single look.
 */
export async function poolSettled(pool: pg.Pool, { quietMs = 200, timeoutMs = 5_000 } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let idleSince: number | undefined;
  while (Date.now() < deadline) {
    const busy = pool.totalCount - pool.idleCount + pool.waitingCount > 0;
    if (busy) idleSince = undefined;
    else if (idleSince === undefined) idleSince = Date.now();
    else if (Date.now() - idleSince >= quietMs) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
