import { z } from "zod";
import { IntegrationStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { filter, pageFilter } from "./listFilters.js";

/** Accepting may say why or how; declining must. */
export const integrationAcceptSchema = z.strictObject({ comment: formFields.text(2000) });
export const integrationDeclineSchema = z.strictObject({ comment: formFields.requiredText(2000) });

/** /admin/integrazioni: the proposals waiting (default) or those decided. */
export const integrationFiltersSchema = z.object({
  pagina: pageFilter,
  stato: filter(z.enum(IntegrationStatus)).transform((s) => s ?? "PROPOSED"),
});
