import { z } from "zod";
import { FIRST_REPORT_YEAR, SECTION_TOPICS } from "../../domain/projectActivities.js";
import { SECTION_TEXT_KEYS, type SectionTexts } from "../../domain/monitoringReport.js";
import { formFields } from "../../validation/form.js";

/** Long enough for a page of text; the section form's six fields stay well under the body limit (app.ts). */
export const SUMMARY_MAX = 8000;
export const TOPIC_MAX = 4000;

const summaryFields = {
  summaryIt: formFields.requiredText(SUMMARY_MAX),
  summaryEn: formFields.text(SUMMARY_MAX),
};

/** The report's summary for the year. */
export const summarySchema = z.strictObject(summaryFields);

/** A new report: its year (from the project's first to the current one, in Rome) and its summary. */
export function newReportSchema(currentYear: number) {
  return z.strictObject({
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "monitoring.errors.year")
      .transform(Number)
      .refine((y) => y >= FIRST_REPORT_YEAR && y <= currentYear, "monitoring.errors.year"),
    ...summaryFields,
  });
}

/**
 * What the report says of one activity. Every field is optional (all blank:
 * nothing to say yet), but an English text translates an Italian one: an
 * English text alone puts the error on the missing Italian field.
 */
export const sectionSchema = z
  .strictObject(
    Object.fromEntries(SECTION_TEXT_KEYS.map((k) => [k, formFields.text(TOPIC_MAX)])) as Record<
      keyof SectionTexts,
      ReturnType<typeof formFields.text>
    >,
  )
  .superRefine((f, ctx) => {
    for (const topic of SECTION_TOPICS)
      if (f[`${topic}En`] !== "" && f[`${topic}It`] === "")
        ctx.addIssue({ code: "custom", path: [`${topic}It`], message: "monitoring.errors.italianFirst" });
  });

export type SummaryForm = z.infer<typeof summarySchema>;
