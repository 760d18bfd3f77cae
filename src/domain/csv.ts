// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when needed.

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheets with an Italian locale (Excel) split lines on semicolons and
 * read UTF-8 only after a byte order mark: the files staff open (the funding
 * report, the staff lists) use these; open data keeps plain RFC 4180.
 */
export const SPREADSHEET_SEPARATOR = ";";
export const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe;
 * numbers and phone numbers ("+39 051 …", "-12.5") cannot call a function and stay as they are.
 */
const formulaStart = /^[=+@\t\r-]/;
const numberLike = /^[+-]?[\d\s().,/-]+$/;

export function csvField(value: CsvValue, separator = ","): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = formulaStart.test(value) && !numberLike.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[], separator = ","): string {
  return values.map((v) => csvField(v, separator)).join(separator) + "\r\n";
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvLine(columns) + rows.map((row) => csvLine(row)).join("");
}
