import { z } from "zod";
import { STAFF_PAGE_SIZE } from "../../domain/staffPaging.js";
import { idList } from "./events.schema.js";
import { pageFilter } from "./listFilters.js";

/** `?pagina=` of the list of registrants. */
export const registrantListSchema = z.strictObject({ pagina: pageFilter });

/** Attendance of the registrations on one page of the list: `shown` on the page, `present` ticked. */
export const attendanceSchema = z.strictObject({
  shown: idList(STAFF_PAGE_SIZE).refine((ids) => ids.length > 0, "validation.choice"),
  present: idList(STAFF_PAGE_SIZE),
  pagina: pageFilter,
});
