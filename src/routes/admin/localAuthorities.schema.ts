import { z } from "zod";
import { formFields } from "../../validation/form.js";

/** Checkboxes of comuni: none checked sends nothing, one a string, several an array. */
const comuneCodes = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().regex(/^\d{6}$/, "validation.choice"))
    .min(1, "localAuthority.errors.noComune")
    .max(55),
);

/** The officer chooses their own password, from the invitation e-mailed to them. */
export const localAuthorityInviteSchema = z.strictObject({
  name: formFields.requiredText(120),
  email: formFields.email(),
  comuneCodes,
});

export const localAuthorityUpdateSchema = z.strictObject({ comuneCodes, active: formFields.checkbox() });
