import { z } from "zod";
import { STAFF_PAGE_SIZE } from "../../domain/staffPaging.js";

const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** The entries ticked in the queue (one page at most), whose verification staff record at once. */
export const confirmVerificationsSchema = z.strictObject({
  organizationIds: z.preprocess(
    list,
    z
      .array(z.coerce.number().int().positive().max(2_147_483_647))
      .min(1, "verification.errors.noneSelected")
      .max(STAFF_PAGE_SIZE),
  ),
});

export const queueQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  registrate: z.coerce.number().int().min(0).max(STAFF_PAGE_SIZE).optional().catch(undefined),
});
