import { z } from "zod";
import { parseEuroAmount } from "../../domain/euroAmount.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";
import { dateColumn } from "../../domain/romeTime.js";
import type { ContributionData } from "../../services/outreach/contributionService.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A record to link to, or none (null) when left blank. */
const optionalLink = z
  .preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,9}$/, "validation.choice")
      .transform(Number)
      .optional(),
  )
  .transform((id) => id ?? null);

/** A funding record (the service's ContributionData); the amount is read as a decimal string, never as a float. */
export const contributionFormSchema = z.strictObject({
  activity: formFields.requiredText(300),
  amount: z
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
  resource: formFields.requiredText(300),
  fundedBy: formFields.requiredText(300),
  grantedOn: z.string().trim().min(1).pipe(isoDate).transform(dateColumn),
  networkId: optionalLink,
  measureId: optionalLink,
  eventId: optionalLink,
  isPublic: formFields.checkbox(),
}) satisfies z.ZodType<ContributionData>;
export type ContributionForm = z.infer<typeof contributionFormSchema>;

export const fundingReportSchema = z.object({
  pubblici: z.preprocess((v) => v === "1", z.boolean()).catch(false),
});
