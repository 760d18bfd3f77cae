import { z } from "zod";
import { WelfareStage } from "../../generated/prisma/enums.js";
import { isValidVatNumber } from "../../domain/vatNumber.js";
import { decimal, optional, versionField } from "./companyFields.js";

/** The organization form: every field may be left empty in a draft, but what is written must be valid. */
export const organizationSchema = z.strictObject({
  version: versionField,
  name: optional(z.string().max(200)),
  legalForm: optional(z.string().max(100)),
  vatNumber: optional(
    z
      .string()
      .transform((v) => v.replace(/\s/g, "").replace(/^IT/i, ""))
      .refine(isValidVatNumber, "validation.vatNumber"),
  ),
  taxCode: optional(
    z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^(\d{11}|[A-Z0-9]{16})$/, "validation.taxCode")),
  ),
  atecoSectionCode: optional(z.string().regex(/^[A-U]$/, "validation.choice")),
  employees: optional(
    z.string().regex(/^\d+$/, "validation.integer").transform(Number).pipe(z.number().int().min(0).max(1_000_000)),
  ),
  address: optional(z.string().max(200)),
  comuneCode: optional(z.string().regex(/^\d{6}$/, "validation.comune")),
  lat: optional(decimal(43.9, 44.9, "validation.latitude")),
  lon: optional(decimal(10.7, 12, "validation.longitude")),
  // "The marker is in the right spot": a found position becomes EXACT without moving it.
  positionConfirmed: optional(z.literal("1")),
  website: optional(z.url({ protocol: /^https?$/, message: "validation.url" }).max(300)),
  contactEmail: optional(z.email("validation.email").max(254)),
  phone: optional(z.string().regex(/^\+?[\d\s./-]{6,20}$/, "validation.phone")),
  description: optional(z.string().max(3000)),
  welfareStage: optional(z.enum(WelfareStage)),
});

export type OrganizationForm = z.infer<typeof organizationSchema>;
