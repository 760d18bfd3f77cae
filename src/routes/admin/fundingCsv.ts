import type { FundingTotal } from "../../data/outreach/contributionRepository.js";
import { BYTE_ORDER_MARK, csvLine, SPREADSHEET_SEPARATOR } from "../../domain/csv.js";

const line = (values: (string | number)[]) => csvLine(values, SPREADSHEET_SEPARATOR);

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
  ];
  const euro = (amount: string | null) => amount?.replace(".", ",") ?? "";
  const rows = totals.map((r) =>
    line([
      r.fundedBy,
      r.activity,
      r.year,
      r.moneyCount,
      euro(r.money),
      r.inKindCount,
      r.inKindUnestimated,
      euro(r.inKindEstimate),
    ]),
  );
  return BYTE_ORDER_MARK + line(header.map((k) => t(`funding.report.csv.${k}`))) + rows.join("");
}
