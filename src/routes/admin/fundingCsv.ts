import type { FundingTotal } from "../../data/outreach/contributionRepository.js";

const cell = (value: string | number) => {
  const text = String(value);
  // Quotes around text with separators; a leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The funding report as CSV for Italian spreadsheets: UTF-8 with BOM,
 * semicolon-separated, CRLF lines, amounts exact with a decimal comma and no
 * thousands separator ("1234,50").
 */
export function fundingCsv(totals: FundingTotal[], t: (key: string) => string): string {
  const header = ["funder", "activity", "year", "count", "total"].map((k) => cell(t(`funding.report.csv.${k}`)));
  const rows = totals.map((r) =>
    [cell(r.fundedBy), cell(r.activity), r.year, r.count, r.total.replace(".", ",")].join(";"),
  );
  return `\uFEFF${[header.join(";"), ...rows].join("\r\n")}\r\n`;
}
