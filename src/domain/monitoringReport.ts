import type { ProjectActivity } from "../generated/prisma/enums.js";
import type { Language } from "../locales/i18n.js";
import { PROJECT_ACTIVITIES, SECTION_TOPICS, type SectionTopic } from "./projectActivities.js";
import { textBlocks, type TextBlock } from "./plainText.js";

/** What a year's report says of one activity, in Italian and English ("" = not written). */
export type SectionTexts = Record<`${SectionTopic}${"It" | "En"}`, string>;
export const SECTION_TEXT_KEYS = SECTION_TOPICS.flatMap((t) => [`${t}It`, `${t}En`] as const);

/** A section's texts alone (what the activity register keeps), "" for what is not written; no section: all "". */
export const sectionTexts = (section?: SectionTexts): SectionTexts =>
  Object.fromEntries(SECTION_TEXT_KEYS.map((k) => [k, section?.[k] ?? ""])) as SectionTexts;

export interface ReportTexts {
  summaryIt: string;
  summaryEn: string;
  sections: (SectionTexts & { activity: ProjectActivity })[];
}

/** A text in the reader's language, or in Italian when it has no English version (`lang` says which). */
export interface ShownText {
  lang: Language;
  blocks: TextBlock[];
}

const shown = (it: string, en: string, lang: Language): ShownText =>
  lang === "en" && en !== "" ? { lang: "en", blocks: textBlocks(en) } : { lang: "it", blocks: textBlocks(it) };

/** Whether a section has anything written, in either language. */
export const sectionWritten = (s: SectionTexts) =>
  SECTION_TOPICS.some((topic) => s[`${topic}It`] !== "" || s[`${topic}En`] !== "");

/**
 * A report as the public page and the PDF show it in `lang`: the summary, then
 * the activities in the project sheet's order, each with the topics written
 * (activities with nothing written are left out). On the English version a
 * text with no English falls back to Italian; `italianOnly` tells whether any
 * did, so that the page can say so.
 */
export function reportInLanguage(report: ReportTexts, lang: Language) {
  const summary = shown(report.summaryIt, report.summaryEn, lang);
  const byActivity = new Map(report.sections.map((s) => [s.activity, s]));
  const sections = PROJECT_ACTIVITIES.flatMap((activity) => {
    const texts = byActivity.get(activity);
    if (!texts || !sectionWritten(texts)) return [];
    const topics = SECTION_TOPICS.filter((topic) => texts[`${topic}It`] !== "").map((topic) => ({
      topic,
      ...shown(texts[`${topic}It`], texts[`${topic}En`], lang),
    }));
    return [{ activity, topics }];
  });
  const italianOnly = lang === "en" && [summary, ...sections.flatMap((s) => s.topics)].some((t) => t.lang === "it");
  return { summary, sections, italianOnly };
}

export type ReportInLanguage = ReturnType<typeof reportInLanguage>;

/** A year as the report's addresses write it (four digits); null for anything else. */
export const reportYear = (value: string): number | null => (/^\d{4}$/.test(value) ? Number(value) : null);
