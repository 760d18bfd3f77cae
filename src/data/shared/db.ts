import type { Prisma } from "../../generated/prisma/client.js";

/** A client or an interactive transaction: repositories accept both. */
export type Db = Prisma.TransactionClient;
