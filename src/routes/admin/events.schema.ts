import { z } from "zod";
import { EventType } from "../../generated/prisma/enums.js";
import { romeLocalToInstant } from "../../domain/romeTime.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The staff's event form; times are Rome wall-clock times. */
export function eventFormSchema(comuneCodes: ReadonlySet<string>) {
  return z
    .strictObject({
      titolo: formFields.requiredText(200),
      tipo: z.enum(EventType),
      data: z.string().trim().min(1).pipe(isoDate),
      ora: z
        .string()
        .trim()
        .min(1)
        .regex(/^\d{2}:\d{2}$/, "events.errors.time"),
      oraFine: z.preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .regex(/^\d{2}:\d{2}$/, "events.errors.time")
          .optional(),
      ),
      luogo: formFields.requiredText(200),
      comune: z.preprocess(
        blankToUndefined,
        z
          .string()
          .refine((c) => comuneCodes.has(c), "validation.comune")
          .optional(),
      ),
      organizzatore: formFields.requiredText(200),
      descrizione: formFields.text(5000),
      partecipanti: z.preprocess(blankToUndefined, formFields.integer(0, 100_000).optional()),
      imprese: z.preprocess(
        asArray,
        z
          .array(
            z
              .string()
              .regex(/^\d{1,9}$/, "validation.choice")
              .transform(Number),
          )
          .max(500),
      ),
    })
    .transform((f, ctx) => {
      const startsAt = romeLocalToInstant(f.data, f.ora);
      if (!startsAt) {
        ctx.addIssue({ code: "custom", path: ["data"], message: "validation.date" });
        return z.NEVER;
      }
      const endsAt = f.oraFine ? romeLocalToInstant(f.data, f.oraFine) : null;
      if (f.oraFine && (!endsAt || endsAt <= startsAt)) {
        ctx.addIssue({ code: "custom", path: ["oraFine"], message: "events.errors.endBeforeStart" });
        return z.NEVER;
      }
      return {
        title: f.titolo,
        type: f.tipo,
        startsAt,
        endsAt,
        place: f.luogo,
        comuneCode: f.comune ?? null,
        organizer: f.organizzatore,
        description: f.descrizione,
        participants: f.partecipanti ?? null,
        organizationIds: [...new Set(f.imprese)],
      };
    });
}
export type EventForm = z.infer<ReturnType<typeof eventFormSchema>>;
