import { z } from "zod";
import { formFields } from "../../validation/form.js";

const role = z.enum(["REVIEWER", "ADMIN"]);

/** The new member chooses their own password, from the invitation e-mailed to them. */
export const staffInviteSchema = z.strictObject({
  name: formFields.requiredText(120),
  email: formFields.email(),
  role,
});
export type StaffInviteForm = z.infer<typeof staffInviteSchema>;

export const staffUpdateSchema = z.strictObject({ role, active: formFields.checkbox() });
export type StaffUpdateForm = z.infer<typeof staffUpdateSchema>;
