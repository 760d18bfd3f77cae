import { z } from "zod";
import { formFields } from "../../validation/form.js";

/** Six digits as the app shows them; spaces typed between the groups are ignored. */
const oneTimeCode = () =>
  z
    .string()
    .max(20, "validation.oneTimeCode")
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "validation.oneTimeCode"));

/** The code of the authenticator app: at login, to confirm the set-up, to get new recovery codes. */
export const codeSchema = z.strictObject({ code: oneTimeCode() });

/** A recovery code instead, at login (letters and digits, dashes optional). */
export const recoveryCodeSchema = z.strictObject({ recoveryCode: formFields.requiredText(40) });

/** A company user turns the second factor off: its own field, on the page beside the recovery codes form. */
export const disableSchema = z.strictObject({ disableCode: oneTimeCode() });
