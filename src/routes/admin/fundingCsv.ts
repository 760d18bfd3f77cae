import type { FundingTotal } from "../../data/outreach/contributionRepository.js";
import { ITALIAN_SPREADSHEET, toCsv } from "../../domain/csv.js";

/**
 * The funding report as CSV for Italian spreadsheets (domain/csv.ts): UTF-8
 * with BOM, semicolon-separated, CRLF lines, amounts exact with a decimal
 * comma and no thousands separator ("1234,50"). Money and the estimated value
 * of resources in kind are columns apart: a spreadsheet never sums them unasked.
 */
export function fundingCsv(totals: FundingTotal[], t: (key: string) => string): string {
  const header = [
    "funder",
    "activity",
    "year",
    "moneyCount",
    "money",
    "inKindCount",
    "inKindUnestimated",
    "inKindEstimate",
  ].map((k) => t(`funding.report.csv.${k}`));
  const rows = totals.map((r) => [
    r.fundedBy,
    r.activity,
    r.year,
    r.moneyCount,
    r.money,
    r.inKindCount,
    r.inKindUnestimated,
    r.inKindEstimate,
  ]);
  return toCsv(header, rows, ITALIAN_SPREADSHEET);
}
