import { z } from "zod";
import { formFields } from "../../validation/form.js";
import type { MeasureForm } from "./measure.schema.js";
import type { FieldErrors } from "../../validation/form.js";
import type { NetworkMeasureInput } from "../../services/territory/networkRules.js";
import { measureRow } from "../../domain/applicationPayload.js";

/** /impresa/patto: optional commitments and the representative's confirmation. */
export const pactRequestSchema = z.strictObject({
  commitments: formFields.text(2000),
  confirm: formFields.checkbox().refine((v) => v, "validation.confirm"),
});
export type PactRequestForm = z.infer<typeof pactRequestSchema>;

/**
 * A network measure uses the organization measure's form and schema; unlike a
 * draft it is proposed for review at once, so what a submission needs is required here.
 */
export function networkMeasureErrors(m: MeasureForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ["title", "description", "category", "status"] as const)
    if (m[field] === undefined) errors[field] = { key: `networks.company.required.${field}` };
  if (m.beneficiaries.length === 0) errors.beneficiaries = { key: "validation.beneficiaries" };
  if (m.openToCitizens && !m.accessConditions)
    errors.accessConditions = { key: "networks.company.required.accessConditions" };
  return errors;
}

/** The checked form as a measure row (call after networkMeasureErrors found nothing). */
export const networkMeasureInput = (m: MeasureForm): NetworkMeasureInput => measureRow(m);
