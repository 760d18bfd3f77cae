import { z } from "zod";
import { formFields } from "../../validation/form.js";
import type { MeasureForm } from "./measure.schema.js";
import type { FieldErrors } from "../../validation/form.js";
import type { NetworkMeasureInput } from "../../services/networkRules.js";

/** /impresa/patto: optional commitments and the representative's confirmation. */
export const pactRequestSchema = z.strictObject({
  impegni: formFields.text(2000),
  conferma: formFields.checkbox().refine((v) => v, "validation.confirm"),
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

const day = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The checked form as a measure row (call after networkMeasureErrors found nothing). */
export function networkMeasureInput(m: MeasureForm): NetworkMeasureInput {
  return {
    title: m.title ?? "",
    description: m.description ?? "",
    category: m.category ?? "ALTRO",
    status: m.status ?? "ACTIVE",
    beneficiaries: m.beneficiaries,
    openToCitizens: m.openToCitizens,
    areaServed: m.areaServed ?? "",
    accessConditions: m.accessConditions ?? "",
    costToCitizens: m.costToCitizens ?? "",
    capacity: m.capacity ?? null,
    startsOn: day(m.startsOn),
    endsOn: day(m.endsOn),
    partners: m.partners ?? "",
  };
}
