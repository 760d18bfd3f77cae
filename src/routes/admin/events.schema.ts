import { z } from "zod";
import { EventStatus, EventType } from "../../generated/prisma/enums.js";
import { romeLocalToInstant } from "../../domain/romeTime.js";
import { formFields } from "../../validation/form.js";
import { isoDate, optional } from "../company/companyFields.js";
import type { EventInput } from "../../services/territory/eventService.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Ids chosen with checkboxes: none, one (a string) or several (an array). */
export const idList = (max: number) =>
  z.preprocess(
    asArray,
    z
      .array(
        z
          .string()
          .regex(/^\d{1,9}$/, "validation.choice")
          .transform(Number),
      )
      .max(max),
  );

/** The staff's event form: the service's EventInput, start and end typed as a date and Rome wall-clock times. */
export function eventFormSchema(comuneCodes: ReadonlySet<string>) {
  return z
    .strictObject({
      title: formFields.requiredText(200),
      type: z.enum(EventType),
      date: z.string().trim().min(1).pipe(isoDate),
      time: z
        .string()
        .trim()
        .min(1)
        .regex(/^\d{2}:\d{2}$/, "events.errors.time"),
      endTime: z.preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .regex(/^\d{2}:\d{2}$/, "events.errors.time")
          .optional(),
      ),
      place: formFields.requiredText(200),
      comuneCode: z.preprocess(
        blankToUndefined,
        z
          .string()
          .refine((c) => comuneCodes.has(c), "validation.comune")
          .optional(),
      ),
      organizer: formFields.requiredText(200),
      description: formFields.text(5000),
      participants: z.preprocess(blankToUndefined, formFields.integer(0, 100_000).optional()),
      status: z.enum(EventStatus),
      onlineUrl: optional(z.url({ protocol: /^https?$/, message: "validation.url" }).max(500)),
      freeOfCharge: formFields.checkbox(),
      registrationOpen: formFields.checkbox(),
      capacity: z.preprocess(blankToUndefined, formFields.integer(1, 100_000).optional()),
      organizationIds: idList(500),
    })
    .transform(({ date, time, endTime, ...f }, ctx): EventInput => {
      const startsAt = romeLocalToInstant(date, time);
      if (!startsAt) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "validation.date" });
        return z.NEVER;
      }
      const endsAt = endTime ? romeLocalToInstant(date, endTime) : null;
      if (endTime && (!endsAt || endsAt <= startsAt)) {
        ctx.addIssue({ code: "custom", path: ["endTime"], message: "events.errors.endBeforeStart" });
        return z.NEVER;
      }
      return {
        ...f,
        startsAt,
        endsAt,
        comuneCode: f.comuneCode ?? null,
        participants: f.participants ?? null,
        onlineUrl: f.onlineUrl ?? null,
        capacity: f.capacity ?? null,
        organizationIds: [...new Set(f.organizationIds)],
      };
    });
}
export type EventForm = z.infer<ReturnType<typeof eventFormSchema>>;
