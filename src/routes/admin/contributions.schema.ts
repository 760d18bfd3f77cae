import { z } from "zod";
import { ContributionKind } from "../../generated/prisma/enums.js";
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

/** An amount in euro greater than zero, as a decimal string; null when it is not one. */
const positiveEuro = (typed: string) => {
  const amount = parseEuroAmount(typed);
  return amount === null || /^0+\.00$/.test(amount) ? null : amount;
};

type Typed = { kind: ContributionKind; amount: string; description: string; estimatedValue: string; resource: string };

/**
 * What the kind asks for: money has an amount and its budget chapter or fund;
 * a resource in kind is described, with an optional estimate. A field of the
 * other kind, filled in, is pointed out rather than silently dropped.
 */
function checkKind(f: Typed, ctx: z.RefinementCtx) {
  const refuse = (field: keyof Typed, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
  if (f.kind === "MONEY") {
    if (!positiveEuro(f.amount)) refuse("amount", "funding.errors.amount");
    if (!f.resource) refuse("resource", "validation.required");
    if (f.description) refuse("description", "funding.errors.onlyInKind");
    if (f.estimatedValue) refuse("estimatedValue", "funding.errors.onlyInKind");
  } else {
    if (!f.description) refuse("description", "funding.errors.description");
    if (f.estimatedValue && !positiveEuro(f.estimatedValue)) refuse("estimatedValue", "funding.errors.estimatedValue");
    if (f.amount) refuse("amount", "funding.errors.onlyMoney");
  }
}

/** A contribution (the service's ContributionData); amounts are read as decimal strings, never as floats. */
export const contributionFormSchema = z
  .strictObject({
    activity: formFields.requiredText(300),
    kind: z.enum(ContributionKind),
    amount: formFields.text(30),
    description: formFields.text(1000),
    estimatedValue: formFields.text(30),
    resource: formFields.text(300),
    fundedBy: formFields.requiredText(300),
    grantedOn: z.string().trim().min(1).pipe(isoDate).transform(dateColumn),
    networkId: optionalLink,
    measureId: optionalLink,
    eventId: optionalLink,
    isPublic: formFields.checkbox(),
  })
  .superRefine(checkKind)
  .transform(({ amount, description, estimatedValue, ...f }): ContributionData =>
    f.kind === "MONEY"
      ? { ...f, amount: positiveEuro(amount), description: "", estimatedValue: null }
      : { ...f, amount: null, description, estimatedValue: estimatedValue ? positiveEuro(estimatedValue) : null },
  ) satisfies z.ZodType<ContributionData>;
export type ContributionForm = z.infer<typeof contributionFormSchema>;

export const fundingReportSchema = z.object({
  pubblici: z.preprocess((v) => v === "1", z.boolean()).catch(false),
});
