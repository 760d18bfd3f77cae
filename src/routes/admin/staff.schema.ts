import { z } from "zod";
import { formFields } from "../../validation/form.js";

const role = z.enum(["REVIEWER", "ADMIN"]);

export const staffCreateSchema = z.strictObject({
  nome: formFields.requiredText(120),
  email: formFields.email(),
  ruolo: role,
  password: z.string().min(10, "validation.password").max(200),
});
export type StaffCreateForm = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = z.strictObject({ ruolo: role, attivo: formFields.checkbox() });
export type StaffUpdateForm = z.infer<typeof staffUpdateSchema>;
