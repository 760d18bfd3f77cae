import type { Services } from "../../services/index.js";
import type { AdviceTopicRow, TerritoryComune } from "../../services/localAuthority/localRegisterService.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";
import type { CsvColumn } from "../admin/staffCsv.js";

// What the CSV downloads of the local authority's area hold: the public data
// of the register and counts, in the page's language; never a person's data.

type Row<K extends "firms" | "measures"> = Awaited<ReturnType<Services["localRegister"][K]>>["items"][number];
const yesNo = (v: boolean, t: (key: string) => string) => t(v ? "admin.csv.yes" : "admin.csv.no");

export const firmColumns = (baseUrl: string): CsvColumn<Row<"firms">>[] => [
  ["localAuthority.firms.name", (o) => o.name],
  ["localAuthority.firms.registryNumber", (o) => o.registryNumber],
  ["localAuthority.comune", (o) => o.comune?.name],
  ["localAuthority.firms.size", (o, t) => (o.sizeClass ? t(`sizeClassCodes.${o.sizeClass}`) : "")],
  ["localAuthority.firms.measures", (o) => o._count.measures],
  ["localAuthority.firms.openMeasures", (o) => o.openMeasures],
  ["localAuthority.firms.page", (o) => `${baseUrl}/registro/${o.slug}`],
];

export const measureColumns: CsvColumn<Row<"measures">>[] = [
  ["localAuthority.measures.title", (m) => m.title],
  ["localAuthority.measures.firm", (m) => m.organization?.name],
  ["localAuthority.comune", (m) => m.organization?.comune?.name],
  ["localAuthority.measures.category", (m, t) => t(`categories.${m.category}`)],
  ["localAuthority.measures.status", (m, t) => t(`measureStatusCodes.${m.status}`)],
  ["localAuthority.measures.open", (m, t) => yesNo(m.openToCitizens, t)],
  ["localAuthority.measures.outcome", (m, t) => (m.currentOutcome ? t(`outcomes.${m.currentOutcome}`) : "")],
];

/** One row per gap: a comune and a category with no measure open to citizens within the radius. */
export interface GapRow {
  comune: TerritoryComune;
  category: MeasureCategory;
  radiusKm: number;
}
export const gapColumns: CsvColumn<GapRow>[] = [
  ["localAuthority.comune", (g) => g.comune.name],
  ["localAuthority.istatCode", (g) => g.comune.istatCode],
  ["localAuthority.gaps.category", (g, t) => t(`categories.${g.category}`)],
  ["localAuthority.gaps.radius", (g) => g.radiusKm],
];

/** One row per comune and topic, zeros included. */
export interface AdviceRow {
  comune: TerritoryComune;
  row: AdviceTopicRow;
}
export const adviceColumns: CsvColumn<AdviceRow>[] = [
  ["localAuthority.comune", (a) => a.comune.name],
  ["localAuthority.istatCode", (a) => a.comune.istatCode],
  ["localAuthority.advice.topic", (a, t) => t(`categories.${a.row.topic}`)],
  ["localAuthority.advice.requests", (a) => a.row.byComune[a.comune.istatCode] ?? 0],
];
