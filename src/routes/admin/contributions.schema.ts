import { z } from "zod";
import { parseEuroAmount } from "../../domain/euroAmount.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";
import { dateColumn } from "../../domain/romeTime.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{1,9}$/, "validation.choice")
    .transform(Number)
    .optional(),
);

/** A funding record; the amount is read as a decimal string, never as a float. */
export const contributionFormSchema = z
  .strictObject({
    attivita: formFields.requiredText(300),
    importo: z
      .string()
      .trim()
      .min(1)
      .transform((v, ctx) => {
        const amount = parseEuroAmount(v);
        if (amount === null || /^0+\.00$/.test(amount)) {
          ctx.addIssue({ code: "custom", message: "funding.errors.amount" });
          return z.NEVER;
        }
        return amount;
      }),
    risorsa: formFields.requiredText(300),
    finanziatore: formFields.requiredText(300),
    data: z.string().trim().min(1).pipe(isoDate),
    rete: optionalId,
    misura: optionalId,
    evento: optionalId,
    pubblico: formFields.checkbox(),
  })
  .transform((f) => ({
    activity: f.attivita,
    amount: f.importo,
    resource: f.risorsa,
    fundedBy: f.finanziatore,
    grantedOn: dateColumn(f.data),
    networkId: f.rete ?? null,
    measureId: f.misura ?? null,
    eventId: f.evento ?? null,
    isPublic: f.pubblico,
  }));
export type ContributionForm = z.infer<typeof contributionFormSchema>;

export const fundingReportSchema = z.object({
  pubblici: z.preprocess((v) => v === "1", z.boolean()).catch(false),
});
