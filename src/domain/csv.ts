// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when needed.

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe;
 * numbers and phone numbers ("+39 051 …", "-12.5") cannot call a function and stay as they are.
 */
const formulaStart = /^[=+@\t\r-]/;
const numberLike = /^[+-]?[\d\s().,/-]+$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = formulaStart.test(value) && !numberLike.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvLine(columns) + rows.map(csvLine).join("");
}
