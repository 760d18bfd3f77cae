import { describe, expect, it } from "vitest";
import { reportInLanguage, reportYear, sectionTexts } from "../../src/domain/monitoringReport.js";
import { textBlocks } from "../../src/domain/plainText.js";
import { activityOfSlug, activitySlug, PROJECT_ACTIVITIES } from "../../src/domain/projectActivities.js";
import { ProjectActivity } from "../../src/generated/prisma/enums.js";

describe("the project's activities", () => {
  it("are every activity of the schema, in the project sheet's order, each with its own address", () => {
    expect([...PROJECT_ACTIVITIES].sort()).toEqual(Object.values(ProjectActivity).sort());
    expect(PROJECT_ACTIVITIES[0]).toBe("PACT");
    const slugs = PROJECT_ACTIVITIES.map(activitySlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const a of PROJECT_ACTIVITIES) expect(activityOfSlug(activitySlug(a))).toBe(a);
    expect(activityOfSlug("pubblica")).toBeUndefined();
  });
});

describe("typed text", () => {
  it("splits paragraphs on blank lines and makes lists of the lines that start with a dash", () => {
    expect(textBlocks("Primo\nparagrafo.\n\r\n\nSecondo:\n- uno\n- due\n  continua\n\n• tre")).toEqual([
      { kind: "paragraph", text: "Primo paragrafo." },
      { kind: "paragraph", text: "Secondo:" },
      { kind: "list", items: ["uno", "due continua"] },
      { kind: "list", items: ["tre"] },
    ]);
    expect(textBlocks("  \n\n ")).toEqual([]);
  });
});

describe("a report in a language", () => {
  const report = {
    summaryIt: "Sintesi.",
    summaryEn: "",
    sections: [
      { activity: "ADVICE" as const, ...sectionTexts(), resultsIt: "Sportello aperto.", resultsEn: "Desk open." },
      { activity: "NETWORKS" as const, ...sectionTexts() },
      { activity: "PACT" as const, ...sectionTexts(), difficultiesIt: "Poche firme." },
    ],
  };

  it("keeps the project's order, leaves out what is not written, and falls back to Italian in English", () => {
    const english = reportInLanguage(report, "en");
    expect(english.sections.map((s) => s.activity)).toEqual(["PACT", "ADVICE"]);
    expect(english.summary).toEqual({ lang: "it", blocks: [{ kind: "paragraph", text: "Sintesi." }] });
    expect(english.sections[1]?.topics).toEqual([
      { topic: "results", lang: "en", blocks: [{ kind: "paragraph", text: "Desk open." }] },
    ]);
    expect(english.italianOnly).toBe(true);
    expect(reportInLanguage(report, "it").italianOnly).toBe(false);
    expect(reportInLanguage(report, "it").sections[1]?.topics[0]?.blocks[0]).toEqual({
      kind: "paragraph",
      text: "Sportello aperto.",
    });
  });

  it("reads a year from an address only when it has four digits", () => {
    expect(reportYear("2025")).toBe(2025);
    for (const bad of ["25", "20255", "2025.pdf", "duemila", " 2025"]) expect(reportYear(bad)).toBeNull();
  });
});
