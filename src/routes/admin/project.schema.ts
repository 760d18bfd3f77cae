import { z } from "zod";
import { SignatoryType } from "../../generated/prisma/enums.js";
import type { PartnerData } from "../../data/territory/projectRepository.js";
import type { ProjectTexts } from "../../services/territory/projectService.js";
import { formFields } from "../../validation/form.js";
import { optional } from "../company/companyFields.js";

const markdown = formFields.requiredText(10_000);

/** /admin/impostazioni/progetto: the project page's two texts, in both languages (Markdown). */
export const projectTextsSchema = z
  .strictObject({ descriptionIt: markdown, descriptionEn: markdown, aimsIt: markdown, aimsEn: markdown })
  .transform((f): ProjectTexts => ({
    description: { it: f.descriptionIt, en: f.descriptionEn },
    aims: { it: f.aimsIt, en: f.aimsEn },
  }));

/** A partner of the project: its kind (the Pact's kinds of signatory), name, website, role and referent. */
export const partnerSchema = z
  .strictObject({
    name: formFields.requiredText(200),
    kind: z.enum(SignatoryType, "validation.choice"),
    website: optional(z.url({ protocol: /^https?$/, message: "validation.url" }).max(300)),
    roleIt: formFields.requiredText(1000),
    roleEn: formFields.text(1000),
    referent: formFields.text(200),
  })
  .transform((f): PartnerData => ({ ...f, website: f.website ?? null }));
