import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../generated/prisma/client.js";

const dataDir = fileURLToPath(new URL("../../../prisma/data/", import.meta.url));

/** Parses RFC 4180 CSV: quoted fields may hold commas, newlines and "" for a quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

/** Rows of a CSV file under prisma/data as objects keyed by the header. */
export function readCsvRecords(fileName: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(dataDir + fileName, "utf8").replace(/^\uFEFF/, ""));
  if (!header) throw new Error(`${fileName} is empty`);
  return rows.map((cells) => {
    if (cells.length !== header.length) {
      throw new Error(`${fileName}: expected ${header.length} fields, got ${cells.length}: ${cells.join(",")}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  });
}

export interface ComuneRow {
  istatCode: string;
  name: string;
  cap: string;
  lat: number;
  lon: number;
  population: number;
  areaKm2: number;
}

export function readComuni(): ComuneRow[] {
  return readCsvRecords("comuni-bologna.csv").map((r) => {
    const istatCode = (r.istat_code ?? "").padStart(6, "0");
    if (!/^\d{6}$/.test(istatCode)) throw new Error(`Bad ISTAT code "${r.istat_code}"`);
    return {
      istatCode,
      name: r.name ?? "",
      cap: r.cap ?? "",
      lat: Number(r.lat),
      lon: Number(r.lon),
      population: Number(r.population),
      areaKm2: Number(r.area_km2),
    };
  });
}

export function readAtecoSections(): { code: string; nameIt: string; nameEn: string }[] {
  return readCsvRecords("ateco-sections.csv").map((r) => ({
    code: r.code ?? "",
    nameIt: r.name_it ?? "",
    nameEn: r.name_en ?? "",
  }));
}

/** Upserts the 55 comuni and the ATECO 2025 sections (one statement each); safe to run again. */
export async function seedReferenceData(prisma: PrismaClient): Promise<{ comuni: number; ateco: number }> {
  const comuni = readComuni();
  const sections = readAtecoSections();
  const column = <T, K extends keyof T>(rows: T[], key: K): T[K][] => rows.map((r) => r[key]);
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO "Comune" ("istatCode", name, cap, lat, lon, population, "areaKm2")
      SELECT * FROM unnest(${column(comuni, "istatCode")}::text[], ${column(comuni, "name")}::text[],
        ${column(comuni, "cap")}::text[], ${column(comuni, "lat")}::float8[], ${column(comuni, "lon")}::float8[],
        ${column(comuni, "population")}::int[], ${column(comuni, "areaKm2")}::float8[])
      ON CONFLICT ("istatCode") DO UPDATE SET name = EXCLUDED.name, cap = EXCLUDED.cap, lat = EXCLUDED.lat,
        lon = EXCLUDED.lon, population = EXCLUDED.population, "areaKm2" = EXCLUDED."areaKm2"
      WHERE ("Comune".name, "Comune".cap, "Comune".lat, "Comune".lon, "Comune".population, "Comune"."areaKm2")
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.cap, EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.population, EXCLUDED."areaKm2")`,
    prisma.$executeRaw`
      INSERT INTO "AtecoSection" (code, "nameIt", "nameEn")
      SELECT * FROM unnest(${column(sections, "code")}::text[], ${column(sections, "nameIt")}::text[],
        ${column(sections, "nameEn")}::text[])
      ON CONFLICT (code) DO UPDATE SET "nameIt" = EXCLUDED."nameIt", "nameEn" = EXCLUDED."nameEn"
      WHERE ("AtecoSection"."nameIt", "AtecoSection"."nameEn") IS DISTINCT FROM (EXCLUDED."nameIt", EXCLUDED."nameEn")`,
  ]);
  return { comuni: comuni.length, ateco: sections.length };
}
