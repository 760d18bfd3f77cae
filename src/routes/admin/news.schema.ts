import { z } from "zod";
import { NewsKind } from "../../generated/prisma/enums.js";
import type { NewsData } from "../../data/outreach/newsRepository.js";
import { dateColumn } from "../../domain/romeTime.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";

const ENGLISH = ["titleEn", "summaryEn", "bodyEn"] as const;

/**
 * The staff's news form. Italian is required; English is all of title,
 * summary and body or none. An item with an image needs its alternative text
 * (in English too when it has an English version). `today`: Rome's date, the
 * latest publication date allowed; `uploaded`: an image comes with this post;
 * `hasImage`: the item has one already (kept unless `removeImage`).
 */
export function newsFormSchema(context: { today: string; uploaded: boolean; hasImage: boolean }) {
  return z
    .strictObject({
      kind: z.enum(NewsKind, "validation.choice"),
      publishedOn: isoDate.refine((d) => d <= context.today, "news.errors.futureDate"),
      titleIt: formFields.requiredText(200),
      summaryIt: formFields.requiredText(500),
      bodyIt: formFields.requiredText(20_000),
      titleEn: formFields.text(200),
      summaryEn: formFields.text(500),
      bodyEn: formFields.text(20_000),
      imageAltIt: formFields.text(300),
      imageAltEn: formFields.text(300),
      removeImage: formFields.checkbox(),
    })
    .superRefine((f, ctx) => {
      const english = ENGLISH.some((k) => f[k] !== "");
      if (english)
        for (const k of ENGLISH)
          if (f[k] === "") ctx.addIssue({ code: "custom", path: [k], message: "news.errors.englishIncomplete" });
      const withImage = context.uploaded || (context.hasImage && !f.removeImage);
      if (withImage && f.imageAltIt === "")
        ctx.addIssue({ code: "custom", path: ["imageAltIt"], message: "news.errors.altRequired" });
      if (withImage && english && f.imageAltEn === "")
        ctx.addIssue({ code: "custom", path: ["imageAltEn"], message: "news.errors.altRequiredEn" });
    })
    .transform(({ removeImage, publishedOn, ...f }): { data: NewsData; removeImage: boolean } => ({
      data: { ...f, publishedOn: dateColumn(publishedOn) },
      removeImage: removeImage && !context.uploaded,
    }));
}
