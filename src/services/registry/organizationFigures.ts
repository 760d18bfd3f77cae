import type { StatisticsRepository } from "../../data/monitoring/statisticsRepository.js";

type Counts = Awaited<ReturnType<StatisticsRepository["organizationCounts"]>>;
type Names = Awaited<ReturnType<StatisticsRepository["names"]>>;

const SIZE_ORDER = ["MICRO", "SMALL", "MEDIUM", "LARGE"];
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The public tables of organizations (by comune, size class, ATECO section,
 * month of registration) from the counts of one pass over the register: every
 * comune listed (zero where none is registered), most organizations first.
 */
export function organizationFigures(counts: Counts, names: Names) {
  const of = (dimension: Counts[number]["dimension"]) => counts.filter((c) => c.dimension === dimension);
  const perComune = new Map(of("comune").map((c) => [c.key, c.organizations]));
  const comuni = names.comuni
    .map((c) => ({ istatCode: c.istatCode, name: c.name, organizations: perComune.get(c.istatCode) ?? 0 }))
    .sort((a, b) => b.organizations - a.organizations || byText(a.name, b.name));

  const rank = (size: string | null) => (size === null ? SIZE_ORDER.length : SIZE_ORDER.indexOf(size));
  const sizes = of("size")
    .map((s) => ({ sizeClass: s.key, organizations: s.organizations }))
    .sort((a, b) => rank(a.sizeClass) - rank(b.sizeClass));

  const sections = new Map(names.ateco.map((a) => [a.code, a]));
  const ateco = of("ateco")
    .map((a) => {
      const section = a.key === null ? undefined : sections.get(a.key);
      return {
        code: section?.code ?? null,
        nameIt: section?.nameIt ?? null,
        nameEn: section?.nameEn ?? null,
        organizations: a.organizations,
      };
    })
    .sort(
      (a, b) =>
        b.organizations - a.organizations || (a.code === null ? 1 : b.code === null ? -1 : byText(a.code, b.code)),
    );

  const registrations = of("month")
    .filter((m): m is typeof m & { key: string } => m.key !== null)
    .sort((a, b) => byText(a.key, b.key))
    .map((m) => ({
      year: Number(m.key.slice(0, 4)),
      month: Number(m.key.slice(5, 7)),
      organizations: m.organizations,
    }));

  return { comuni, sizes, ateco, registrations };
}
