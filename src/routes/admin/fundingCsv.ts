import type { FundingTotal } from "../../data/outreach/contributionRepository.js";
import { ITALIAN_SPREADSHEET, toCsv } from "../../domain/csv.js";

/**
 * The funding report as CSV for Italian spreadsheets (domain/csv.ts): UTF-8
 * with BOM, semicolon-separated, CRLF lines, amounts exact with a decimal
 * comma and no thousands separator ("1234,50").
 */
export function fundingCsv(totals: FundingTotal[], t: (key: string) => string): string {
  const header = ["funder", "activity", "year", "count", "total"].map((k) => t(`funding.report.csv.${k}`));
  const rows = totals.map((r) => [r.fundedBy, r.activity, r.year, r.count, r.total]);
  return toCsv(header, rows, ITALIAN_SPREADSHEET);
}
