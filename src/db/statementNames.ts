import { createHash } from "node:crypto";
import type { SqlQuery } from "@prisma/driver-adapter-utils";

/**
 * Put in the text of a query whose best plan depends on its values (a search:
 * a word in 0.1% or in 70% of the register needs a different plan), so that it
 * is planned for its values every time instead of reusing a prepared plan.
 */
export const PLAN_EACH_TIME = "/* plan each time */";

/** Above this many parameters a statement is not kept: IN lists of every length would pile up. */
const MAX_NAMED_ARGS = 32;

/**
 * The name under which node-postgres prepares a statement once per connection
 * and reuses it: the parse and plan of a query are then paid once instead of
 * on every request. Measured on the organization page (one statement with six
 * relation joins): planning took 6 ms, running it 0.6 ms. "" = unnamed, planned
 * every time (PLAN_EACH_TIME, or many parameters).
 */
export function statementName(query: Pick<SqlQuery, "sql" | "args">): string {
  if (query.args.length > MAX_NAMED_ARGS || query.sql.includes(PLAN_EACH_TIME)) return "";
  return `rwb_${createHash("sha1").update(query.sql).digest("base64url")}`;
}
