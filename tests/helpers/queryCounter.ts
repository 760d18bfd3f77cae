import pg from "pg";

/**
 * The SQL statements sent to PostgreSQL by any client of this process while
 * `fn` runs (Prisma's adapter and the session store both go through
 * pg.Client#query). For tests of how many queries a request costs.
 */
export async function queriesDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    seen.push(typeof first === "string" ? first : (first?.text ?? "?"));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}
