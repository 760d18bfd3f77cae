import { z } from "zod";
import { formFields } from "../../validation/form.js";
import type { SignUp } from "../../services/territory/eventRegistrationService.js";

/** Sign-up on an event's page; `website` is the honeypot, checked before this schema. */
export const signUpSchema = z
  .strictObject({
    name: formFields.requiredText(200),
    email: formFields.email(),
    organization: formFields.text(200),
    privacy: formFields.checkbox().refine((v) => v, "validation.privacy"),
    website: z.string().optional(),
  })
  .transform(({ name, email, organization }): SignUp => ({ name, email, organization }));
