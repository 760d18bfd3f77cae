import { z } from "zod";
import { formFields } from "../../validation/form.js";

export const loginSchema = z.strictObject({
  email: formFields.email(),
  password: z.string().min(1).max(200),
  /** Where to go after logging in: the page's `?torna=`, kept in a hidden field. */
  returnTo: z.string().max(500).optional(),
});

export type LoginForm = z.infer<typeof loginSchema>;
