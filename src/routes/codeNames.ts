import type { ReferenceDataService } from "../services/registry/referenceDataService.js";

/** Names a field's code for people, or undefined when the field holds no code (or an unknown one). */
export type CodeName = (field: string, value: unknown) => string | undefined;

/**
 * People read names, not codes: the comune "037032" is shown as its name and the
 * ATECO section "C" with its label, as the forms that set them show them.
 */
export async function codeNames(referenceData: ReferenceDataService, lang: string): Promise<CodeName> {
  const { byCode, ateco } = await referenceData.load();
  const sections = new Map(ateco.map((a) => [a.code, a]));
  return (field, value) => {
    if (typeof value !== "string") return undefined;
    if (field === "comuneCode") return byCode.get(value)?.name;
    if (field === "atecoSectionCode") {
      const section = sections.get(value);
      return section && `${section.code} – ${lang === "en" ? section.nameEn : section.nameIt}`;
    }
    return undefined;
  };
}
