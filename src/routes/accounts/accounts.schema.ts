import { z } from "zod";
import { formFields } from "../../validation/form.js";

const password = () => z.string().min(10, "validation.password").max(200, "validation.tooBig.string");
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
