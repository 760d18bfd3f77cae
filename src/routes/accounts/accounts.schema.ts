import { isCommonPassword } from "../../domain/commonPasswords.js";
import { z } from "zod";
import { formFields } from "../../validation/form.js";

const MIN_PASSWORD = 10;
/** At least 10 characters, and not one of the passwords everybody tries first (ASVS 5.0 6.2.4). */
const password = () =>
  z
    .string()
    .min(MIN_PASSWORD, "validation.password")
    .max(200, "validation.tooBig.string")
    .refine((p) => !isCommonPassword(p, MIN_PASSWORD), "validation.commonPassword");
const accepted = (message: string) => formFields.checkbox().refine((v) => v, message);

export const registrationSchema = z.strictObject({
  name: formFields.requiredText(120),
  email: formFields.email(),
  password: password(),
  privacy: accepted("validation.privacy"),
});
export type RegistrationForm = z.infer<typeof registrationSchema>;

export const forgotPasswordSchema = z.strictObject({ email: formFields.email() });

export const newPasswordSchema = z.strictObject({ password: password() });

export const invitationSchema = z.strictObject({ password: password(), privacy: accepted("validation.privacy") });

export const changePasswordSchema = z.strictObject({
  currentPassword: formFields.requiredText(200),
  newPassword: password(),
});

export const changeEmailSchema = z.strictObject({
  emailPassword: formFields.requiredText(200),
  email: formFields.email(),
});

/** Closing the account: the password again, so that an unattended open session cannot do it. */
export const closeAccountSchema = z.strictObject({ password: formFields.requiredText(200) });
