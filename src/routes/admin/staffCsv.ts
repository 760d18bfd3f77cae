import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { RequestHandler, Response } from "express";
import type { z } from "zod";
import { parseQuery } from "../../validation/form.js";
import { csvLine, ITALIAN_SPREADSHEET, type CsvValue } from "../../domain/csv.js";
import { romeDateAndTime } from "../../domain/romeTime.js";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A column of a staff list's CSV: its heading (an i18n key) and its value in a row. */
export type CsvColumn<T> = [heading: string, value: (row: T, t: Translate) => CsvValue];

/** An instant as spreadsheets read it, in Rome: "2026-03-12 10:30". */
export function csvDateTime(instant: Date | null): string {
  if (!instant) return "";
  const { date, time } = romeDateAndTime(instant);
  return `${date} ${time}`;
}

/**
 * Every row a staff list's filters match, as a CSV download for Italian
 * spreadsheets (domain/csv.ts: semicolons, BOM, formulas defused), in the
 * page's language. Streamed a batch at a time with backpressure: a download
 * of the whole register holds one batch in memory, however slow the client.
 * A short list already in memory is one batch (`[rows]`).
 */
export async function sendStaffCsv<T>(
  res: Response,
  file: string,
  columns: CsvColumn<T>[],
  batches: AsyncIterable<T[]> | Iterable<T[]>,
) {
  const t = res.locals.t as Translate;
  const line = (values: CsvValue[]) => csvLine(values, ITALIAN_SPREADSHEET);
  async function* text() {
    yield ITALIAN_SPREADSHEET.byteOrderMark + line(columns.map(([heading]) => t(heading)));
    for await (const batch of batches)
      yield batch.map((row) => line(columns.map(([, value]) => value(row, t)))).join("");
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${file}-${romeDateAndTime(new Date()).date}.csv"`);
  // Staff data: never kept by a browser's or a proxy's cache.
  res.setHeader("Cache-Control", "no-store");
  await pipeline(Readable.from(text()), res).catch(() => res.destroy());
}

/** GET <list>.csv: the list's own filters (400 when malformed), every row they match. */
export function csvDownload<S extends z.ZodType, T>(
  filters: S,
  file: string,
  columns: CsvColumn<T>[],
  batches: (query: z.infer<S>) => AsyncIterable<T[]>,
): RequestHandler {
  return async (req, res) => {
    const query = parseQuery(filters, req);
    if (!query.ok) return res.status(400).render("errors/400");
    await sendStaffCsv(res, file, columns, batches(query.data));
  };
}
