import { z } from "zod";
import { Beneficiary, MeasureCategory, MeasureStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { isoDate, optional, versionField } from "./companyFields.js";

const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** A measure of the application: a title to save it; the rest of completeness is checked when the application is submitted. */
export const measureSchema = z
  .strictObject({
    version: versionField,
    // The one field a saved measure must have: without it the draft would list a "Misura senza titolo".
    title: formFields.requiredText(200),
    description: optional(z.string().max(3000)),
    category: optional(z.enum(MeasureCategory)),
    status: optional(z.enum(MeasureStatus)),
    beneficiaries: z.preprocess(list, z.array(z.enum(Beneficiary)).max(3)),
    openToCitizens: formFields.checkbox(),
    areaServed: optional(z.string().max(300)),
    accessConditions: optional(z.string().max(2000)),
    costToCitizens: optional(z.string().max(300)),
    capacity: optional(z.string().regex(/^\d+$/, "validation.integer").transform(Number).pipe(z.number().int().min(0).max(1_000_000))),
    startsOn: optional(isoDate),
    endsOn: optional(isoDate),
    partners: optional(z.string().max(1000)),
  })
  .refine((m) => !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn, { path: ["endsOn"], message: "validation.dateOrder" });

export type MeasureForm = z.infer<typeof measureSchema>;

export const versionOnlySchema = z.strictObject({ version: versionField });

export const withdrawalSchema = z.strictObject({
  reason: optional(z.string().max(1000)),
  confirm: formFields.checkbox().refine((v) => v, "validation.confirm"),
});

export const colleagueSchema = z.strictObject({ name: formFields.requiredText(120), email: formFields.email() });
