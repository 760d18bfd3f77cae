// CSV files: RFC 4180 for programs, or the same table for Italian spreadsheets.

export type CsvValue = string | number | boolean | null | undefined;

export const BYTE_ORDER_MARK = "\uFEFF";

/** How a CSV file is written. Lines always end in CRLF. */
export interface CsvDialect {
  separator: "," | ";";
  /** Put before the first line: Excel reads UTF-8 only after a byte order mark. */
  byteOrderMark: string;
  /** Decimal numbers (and text that is one, like exact amounts) written with a comma, as an Italian spreadsheet reads them. */
  decimalComma: boolean;
}

/** Plain RFC 4180: comma-separated, no byte order mark, decimal point. Open data for programs. */
export const RFC_4180: CsvDialect = { separator: ",", byteOrderMark: "", decimalComma: false };

/**
 * Excel with an Italian locale splits lines on semicolons, reads UTF-8 only
 * after a byte order mark (otherwise "città" shows as "cittÃ "), and reads
 * "44.49" as text: the files staff open (the funding report, the staff lists)
 * and the open-data "-excel" variants are written this way.
 */
export const ITALIAN_SPREADSHEET: CsvDialect = { separator: ";", byteOrderMark: BYTE_ORDER_MARK, decimalComma: true };

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe;
 * numbers and phone numbers ("+39 051 …", "-12.5") cannot call a function and stay as they are.
 */
const formulaStart = /^[=+@\t\r-]/;
const decimalNumber = /^-?\d+\.\d+$/;
const numberLike = /^[+-]?[\d\s().,/-]+$/;

export function csvField(value: CsvValue, dialect: CsvDialect = RFC_4180): string {
  if (value === null || value === undefined) return "";
  const plain = String(value);
  if (dialect.decimalComma && decimalNumber.test(plain)) return plain.replace(".", ",");
  if (typeof value !== "string") return plain;
  const text = formulaStart.test(value) && !numberLike.test(value) ? `'${value}` : value;
  return text.includes(dialect.separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[], dialect: CsvDialect = RFC_4180): string {
  return values.map((v) => csvField(v, dialect)).join(dialect.separator) + "\r\n";
}

/** A whole file: the byte order mark if the dialect has one, the header line, the rows. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  dialect: CsvDialect = RFC_4180,
): string {
  return dialect.byteOrderMark + csvLine(columns, dialect) + rows.map((row) => csvLine(row, dialect)).join("");
}
