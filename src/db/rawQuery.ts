import type pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import { statementName } from "./statementNames.js";

const unnamed = new WeakSet<pg.Pool>();

/** The pool's statements are never named (the embedded database: database.ts says why). */
export function keepStatementsUnnamed(pool: pg.Pool) {
  unnamed.add(pool);
}

/**
 * A query written with Prisma.sql, sent by node-postgres itself and prepared
 * under the name Prisma's statements get (statementNames.ts). For the statements
 * every public search runs: Prisma's raw path spent 1.05 ms of CPU reading a
 * page of 20 results, node-postgres 0.55 ms (100,000 organizations, 2026-12-05).
 * The rows are node-postgres's: int4, text, bool, float8, arrays and json as
 * Prisma gives them, but a `timestamp` without time zone would be read in the
 * process's zone: select it `AT TIME ZONE 'UTC'`.
 */
export async function rawQuery<T>(pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> {
  const name = unnamed.has(pool) ? "" : statementName({ sql: sql.text, args: sql.values });
  const { rows } = await pool.query<T & pg.QueryResultRow>(
    name ? { name, text: sql.text, values: sql.values } : { text: sql.text, values: sql.values },
  );
  return rows;
}
