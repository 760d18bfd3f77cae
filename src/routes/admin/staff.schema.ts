import { z } from "zod";
import { formFields } from "../../validation/form.js";

const role = z.enum(["REVIEWER", "ADMIN"]);

export const staffCreateSchema = z.strictObject({
  name: formFields.requiredText(120),
  email: formFields.email(),
  role,
  password: z.string().min(10, "validation.password").max(200),
});
export type StaffCreateForm = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = z.strictObject({ role, active: formFields.checkbox() });
export type StaffUpdateForm = z.infer<typeof staffUpdateSchema>;
