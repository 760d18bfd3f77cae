import { z } from "zod";
import { SignatoryType } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";

/** A signatory outside the register, added by staff (the service's ExternalSignatory, the date as typed). */
export const signatorySchema = z.strictObject({
  name: formFields.requiredText(200),
  signatoryType: z.enum(SignatoryType, "validation.choice"),
  signedOn: isoDate,
  commitments: formFields.text(2000),
});
export type SignatoryForm = z.infer<typeof signatorySchema>;

export const pactRejectSchema = z.strictObject({ reason: formFields.requiredText(2000) });

/** /admin/impostazioni: the Pact's text in both languages. */
export const settingsSchema = z.strictObject({
  textIt: formFields.requiredText(20_000),
  textEn: formFields.requiredText(20_000),
});
export type SettingsForm = z.infer<typeof settingsSchema>;
