import pg from "pg";
import type { Database } from "./database.js";

// Any constant: it only has to differ from other advisory locks taken on the same database.
const STARTUP_LOCK = 7_461_203_115;

/**
 * Runs `work` (migrations, reference and demo data) while holding a PostgreSQL
 * advisory lock, so that instances started at the same moment on one database
 * take turns: the first does the work, the others wait for the lock and then
 * find it done (no migration applied twice, no demo data inserted twice). The
 * lock lives on a connection of its own, outside the pool the work uses, and
 * goes with it if the process dies. The embedded database belongs to one
 * process and serves a single connection: there the work just runs.
 */
export async function withStartupLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  if (db.kind === "embedded") return work();
  const client = new pg.Client({ connectionString: db.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}
