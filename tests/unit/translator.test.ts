import { describe, expect, it, vi } from "vitest";
import { createI18n, languages } from "../../src/locales/i18n.js";
import { loadCatalogue } from "../../src/locales/loadCatalogue.js";
import { createTranslator } from "../../src/middleware/i18n.js";

type Catalogue = { [key: string]: string | Catalogue };
const leaves = (catalogue: Catalogue, prefix = ""): [string, string][] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );

/** A translator whose i18next calls are counted. */
function counted(lang: (typeof languages)[number]) {
  const i18n = createI18n();
  const real = i18n.getFixedT.bind(i18n);
  let calls = 0;
  vi.spyOn(i18n, "getFixedT").mockImplementation(((...args: Parameters<typeof real>) => {
    const fixed = real(...args);
    return (...a: Parameters<typeof fixed>) => (calls++, fixed(...a));
  }) as typeof i18n.getFixedT);
  return { t: createTranslator(i18n, lang), reference: real(lang), calls: () => calls };
}

describe("createTranslator", () => {
  it("writes every text with placeholders as i18next does, for new values each time", () => {
    for (const lang of languages) {
      const { t, reference } = counted(lang);
      const texts = leaves(loadCatalogue(lang)).filter(([, text]) => text.includes("{{"));
      expect(texts.length, lang).toBeGreaterThan(100);
      for (const [key, text] of texts) {
        const names = [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!);
        for (const round of [1, 2, 3]) {
          // strings, numbers, a value that looks like a placeholder, and one missing now and then
          const options = Object.fromEntries(
            names.map((name, j) => [
              name,
              j === 1 && round === 3 ? undefined : round === 2 ? j * 7.5 : `«{{x}} ${name}${round}»`,
            ]),
          );
          expect(t(key, options), `${lang} ${key}`).toBe(reference(key, options));
        }
      }
    }
  });

  it("asks i18next once per text, not once per value", () => {
    const { t, calls } = counted("it");
    const days = Array.from({ length: 50 }, (_, d) => `${d + 1} dicembre 2026`);
    const before = calls();
    const written = days.map((date) => t("organization.measure.from", { date }));
    expect(written[0]).toBe("dal 1 dicembre 2026");
    expect(written[49]).toBe("dal 50 dicembre 2026");
    expect(calls() - before).toBe(1);
  });

  it("leaves plurals to i18next", () => {
    const { t, calls } = counted("it");
    expect(t("organization.measuresCount", { count: 1 })).not.toBe(t("organization.measuresCount", { count: 3 }));
    expect(t("organization.measuresCount", { count: 3 })).toBe("3 misure");
    expect(calls()).toBe(2);
  });
});
