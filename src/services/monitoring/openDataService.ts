import type { OpenDataRepository } from "../../data/monitoring/openDataRepository.js";
import * as formats from "./openDataFormats.js";
import { dcatCatalogue, type CataloguePublisher } from "./openDataCatalogue.js";
import { createOpenDataFiles } from "./openDataFiles.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";
import { keysetBatches } from "../shared/keysetBatches.js";
import type { Translate } from "../../locales/i18n.js";
import { createHsdsVocabulary } from "./hsdsVocabulary.js";
import { ITALIAN_SPREADSHEET } from "../../domain/csv.js";

export const OPEN_DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/";
/**
 * Organizations read per statement while a file is produced. Small on purpose:
 * a batch lives until its last organization is written, and one of 250 lived
 * through several young-generation collections and was promoted, so the old
 * generation filled with dead batches until V8's next full collection. At
 * 100,000 organizations hsds.json grew the server by 143 MB with 250, by 13 MB
 * with 50, in the same 33 s (README, "Performance").
 */
const BATCH_SIZE = 50;

/** The downloads of /open-data: file name, media type and the chunks of each. */
export const DOWNLOADS = {
  "registro.csv": { type: "text/csv; charset=utf-8", format: "CSV" },
  "misure.csv": { type: "text/csv; charset=utf-8", format: "CSV" },
  // The same tables for Excel with an Italian locale (domain/csv.ts: semicolons, BOM, decimal comma).
  "registro-excel.csv": { type: "text/csv; charset=utf-8", format: "CSV" },
  "misure-excel.csv": { type: "text/csv; charset=utf-8", format: "CSV" },
  "registro.json": { type: "application/json; charset=utf-8", format: "JSON" },
  "registro.geojson": { type: "application/geo+json; charset=utf-8", format: "GEOJSON" },
  "hsds.json": { type: "application/json; charset=utf-8", format: "JSON" },
  // The taxonomy terms hsds.json's attributes name by id (hsdsVocabulary.ts).
  "hsds-tassonomie.json": { type: "application/json; charset=utf-8", format: "JSON" },
} as const;
export type DownloadName = keyof typeof DOWNLOADS;

/**
 * `version` is the register's version (publicDataVersionRepository): the files and
 * the date of the last change are produced once per version, not per request.
 * `t` gives the Italian texts of the HSDS taxonomies (the files have one language).
 */
export function createOpenDataService(
  repository: OpenDataRepository,
  baseUrl: string,
  version: () => Promise<string>,
  publisher: CataloguePublisher,
  t: Translate,
) {
  /** Registered organizations, one batch of BATCH_SIZE at a time (keyset by id). */
  const batches = () => keysetBatches(repository.registeredAfter, BATCH_SIZE);

  const dates = createVersionedMemo(async () => ({
    modified: await repository.lastModified(),
    issued: await repository.firstRegistered(),
  }));
  const lastModified = async () => (await dates.get(await version())).modified;
  const hsdsVocabulary = createHsdsVocabulary(t);
  const files = createOpenDataFiles({
    version,
    chunks: (name) => chunks(name as DownloadName),
    lastModified: repository.lastModified,
  });

  function chunks(name: DownloadName): formats.Chunks {
    switch (name) {
      case "registro.csv":
        return formats.organizationsCsv(batches(), baseUrl);
      case "misure.csv":
        return formats.measuresCsv(batches());
      case "registro-excel.csv":
        return formats.organizationsCsv(batches(), baseUrl, ITALIAN_SPREADSHEET);
      case "misure-excel.csv":
        return formats.measuresCsv(batches(), ITALIAN_SPREADSHEET);
      case "registro.json":
        return formats.organizationsJson(batches(), baseUrl, {
          generatedAt: new Date().toISOString(),
          licence: OPEN_DATA_LICENCE,
        });
      case "registro.geojson":
        return formats.organizationsGeoJson(batches(), baseUrl);
      case "hsds.json":
        return formats.organizationsHsds(batches(), baseUrl, hsdsVocabulary);
      case "hsds-tassonomie.json":
        return formats.jsonDocument(hsdsVocabulary.taxonomyTerms());
    }
  }

  return {
    baseUrl,
    lastModified,

    isDownload: (name: string): name is DownloadName => Object.hasOwn(DOWNLOADS, name),

    /** The file on disk for the register as committed now (produced once per version). */
    file: (name: DownloadName) => files.get(name),

    organization: (slug: string) => repository.registeredBySlug(slug),

    async catalogue() {
      const { modified, issued } = await dates.get(await version());
      // An empty register: the catalogue is new as of now.
      const now = new Date();
      return dcatCatalogue(baseUrl, publisher, { modified: modified ?? now, issued: issued ?? modified ?? now });
    },
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;
