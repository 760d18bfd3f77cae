import { z } from "zod";
import { Beneficiary, MeasureCategory, MeasureStatus, PilotOutcome } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { isoDate, optional, versionField } from "./companyFields.js";

const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** The fields of a measure; the rest of completeness is checked when the application is submitted. */
const measureFields = {
  version: versionField,
  title: optional(z.string().max(200)),
  description: optional(z.string().max(3000)),
  category: optional(z.enum(MeasureCategory)),
  status: optional(z.enum(MeasureStatus)),
  beneficiaries: z.preprocess(list, z.array(z.enum(Beneficiary)).max(3)),
  openToCitizens: formFields.checkbox(),
  areaServed: optional(z.string().max(300)),
  accessConditions: optional(z.string().max(2000)),
  costToCitizens: optional(z.string().max(300)),
  capacity: optional(
    z.string().regex(/^\d+$/, "validation.integer").transform(Number).pipe(z.number().int().min(0).max(1_000_000)),
  ),
  startsOn: optional(isoDate),
  endsOn: optional(isoDate),
  partners: optional(z.string().max(1000)),
  pilot: formFields.checkbox(),
  pilotOutcome: optional(z.enum(PilotOutcome)),
  pilotLessons: optional(z.string().max(3000)),
};
const datesInOrder = { path: ["endsOn"], message: "validation.dateOrder" };
/** An outcome belongs to a pilot: said beside the field rather than silently dropped. */
const outcomeOfPilot = { path: ["pilotOutcome"], message: "validation.pilotOutcomeWithoutPilot" };

/** A measure as the network form checks it (networkMeasureErrors adds what a network measure needs). */
export const measureSchema = z
  .strictObject(measureFields)
  .refine((m) => !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn, datesInOrder)
  .refine((m) => m.pilot || !m.pilotOutcome, outcomeOfPilot);

/**
 * A measure of the company's draft: the title is the one field it needs to be saved, so an
 * empty form is answered with 422 instead of a "Misura senza titolo" cluttering the draft.
 */
export const draftMeasureSchema = z
  .strictObject({
    ...measureFields,
    title: z.preprocess((v) => v ?? "", z.string().trim().min(1, "validation.measureTitle").max(200)),
  })
  .refine((m) => !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn, datesInOrder)
  .refine((m) => m.pilot || !m.pilotOutcome, outcomeOfPilot);

export type MeasureForm = z.infer<typeof measureSchema>;

export const versionOnlySchema = z.strictObject({ version: versionField });

/** The company's answer to a request for changes. */
export const replySchema = z.strictObject({
  comment: z.string().trim().min(1, "validation.required").max(4000),
});

export const withdrawalSchema = z.strictObject({
  reason: optional(z.string().max(1000)),
  confirm: formFields.checkbox().refine((v) => v, "validation.confirm"),
});

export const colleagueSchema = z.strictObject({ name: formFields.requiredText(120), email: formFields.email() });
