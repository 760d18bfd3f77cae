import { TERRITORIAL_WELFARE } from "../../domain/vocabulary.js";
import type { OpenDataOrganization } from "../../data/monitoring/openDataRepository.js";
import { csvLine, RFC_4180, type CsvDialect, type CsvValue } from "../../domain/csv.js";
import { publicOrganizationDto, publicMeasureDto } from "../registry/publicOrganizationDto.js";
import type { HsdsVocabulary } from "./hsdsVocabulary.js";
import { hsdsOrganization } from "./openDataHsds.js";

// Each format turns batches of organizations into text chunks, one batch at a
// time, so that a download never holds the whole register in memory.

type Batches = AsyncIterable<OpenDataOrganization[]>;
export type Chunks = AsyncGenerator<string, void, void>;

const ORGANIZATION_COLUMNS = [
  "numero_iscrizione",
  "slug",
  "url",
  "denominazione",
  "forma_giuridica",
  "partita_iva",
  "sezione_ateco",
  "dimensione",
  "indirizzo",
  "codice_istat_comune",
  "comune",
  "cap",
  "latitudine",
  "longitudine",
  "sito_web",
  "email",
  "telefono",
  "descrizione",
  "stato_welfare",
  "data_iscrizione",
  "ultima_verifica",
  "misure",
  "misure_aperte_ai_cittadini",
  "misure_welfare_territoriale",
  "categorie",
  "dati_dimostrativi",
  "aggiornato_il",
];

const MEASURE_COLUMNS = [
  "numero_iscrizione",
  "organizzazione_slug",
  "organizzazione",
  "id_misura",
  "titolo",
  "descrizione",
  "categoria",
  "stato",
  "beneficiari",
  "aperta_ai_cittadini",
  "area_servita",
  "condizioni_di_accesso",
  "costo_per_i_cittadini",
  "capienza",
  "inizio",
  "fine",
  "partner",
  "classificazione",
];

/**
 * Header, each organization's text, footer; written out in pieces of about
 * CHUNK characters: small strings die young in V8, where one string per batch
 * (hundreds of kB) would go straight to the old generation and grow the heap.
 */
const CHUNK = 32 * 1024;
async function* render(
  batches: Batches,
  head: string,
  tail: string,
  each: (o: OpenDataOrganization) => string,
  separator = "",
): Chunks {
  let buffer = head;
  let first = true;
  for await (const batch of batches) {
    for (const org of batch) {
      const text = each(org);
      if (text === "") continue;
      buffer += (first ? "" : separator) + text;
      first = false;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = "";
      }
    }
  }
  yield buffer + tail;
}

/** The header line (after the byte order mark of dialects that have one) and a writer of rows. */
function csvOf(columns: string[], dialect: CsvDialect) {
  return {
    head: dialect.byteOrderMark + csvLine(columns, dialect),
    line: (values: CsvValue[]) => csvLine(values, dialect),
  };
}

export function organizationsCsv(batches: Batches, baseUrl: string, dialect = RFC_4180): Chunks {
  const { head, line } = csvOf(ORGANIZATION_COLUMNS, dialect);
  return render(batches, head, "", (org) => {
    const o = publicOrganizationDto(org, baseUrl);
    return line([
      o.registryNumber,
      o.slug,
      o.url,
      o.name,
      o.legalForm,
      o.vatNumber,
      o.atecoSection,
      o.sizeClass,
      o.address,
      o.comune?.istatCode,
      o.comune?.name,
      o.comune?.cap,
      o.lat,
      o.lon,
      o.website,
      o.email,
      o.phone,
      o.description,
      o.welfareStage,
      o.registeredAt,
      o.lastVerifiedAt,
      o.measures.length,
      o.measures.filter((m) => m.openToCitizens).length,
      o.measures.filter((m) => m.classification === TERRITORIAL_WELFARE).length,
      [...new Set(o.measures.map((m) => m.category))].join("|"),
      o.demo,
      o.updatedAt,
    ]);
  });
}

export function measuresCsv(batches: Batches, dialect = RFC_4180): Chunks {
  const { head, line } = csvOf(MEASURE_COLUMNS, dialect);
  return render(batches, head, "", (org) =>
    org.measures
      .map(publicMeasureDto)
      .map((m) =>
        line([
          org.registryNumber,
          org.slug,
          org.name,
          m.id,
          m.title,
          m.description,
          m.category,
          m.status,
          m.beneficiaries.join("|"),
          m.openToCitizens,
          m.areaServed,
          m.accessConditions,
          m.costToCitizens,
          m.capacity,
          m.startsOn,
          m.endsOn,
          m.partners,
          m.classification ?? "non-classificata",
        ]),
      )
      .join(""),
  );
}

/** A JSON array written piece by piece: `head`, the items separated by commas, `tail`. */
function jsonArray(batches: Batches, head: string, tail: string, item: (o: OpenDataOrganization) => unknown): Chunks {
  return render(batches, head, tail, (o) => JSON.stringify(item(o)), ",");
}

export function organizationsJson(
  batches: Batches,
  baseUrl: string,
  meta: { generatedAt: string; licence: string },
): Chunks {
  const head = `{"licence":${JSON.stringify(meta.licence)},"generatedAt":${JSON.stringify(meta.generatedAt)},"organizations":[`;
  return jsonArray(batches, head, "]}", (o) => publicOrganizationDto(o, baseUrl));
}

export function organizationsGeoJson(batches: Batches, baseUrl: string): Chunks {
  return jsonArray(batches, '{"type":"FeatureCollection","features":[', "]}", (org) => {
    const dto = publicOrganizationDto(org, baseUrl);
    const { lat, lon, measures } = dto;
    // Copied and trimmed, not `const { lat, lon, measures, ...properties } = dto`: with the
    // object rest the server's memory grew by 136 MB while producing the file for 100,000
    // organizations (20 MB this way; V8 kept what the rest copies left behind).
    const properties: Partial<typeof dto> = { ...dto };
    delete properties.lat;
    delete properties.lon;
    delete properties.measures;
    return {
      type: "Feature",
      // The slug, as in the organization's URL and in /mappa/dati.geojson: the same feature in both.
      id: dto.slug,
      geometry: lat === null || lon === null ? null : { type: "Point", coordinates: [lon, lat] },
      properties: {
        ...properties,
        measures: measures.length,
        openMeasures: measures.filter((m) => m.openToCitizens).length,
        categories: [...new Set(measures.map((m) => m.category))],
      },
    };
  });
}

/** Open Referral HSDS 3.0 "compiled" organizations: each with its services and location. */
/** A small document known in advance, as one chunk. */
export async function* jsonDocument(value: unknown): Chunks {
  yield JSON.stringify(value);
}

export function organizationsHsds(batches: Batches, baseUrl: string, vocabulary: HsdsVocabulary): Chunks {
  return jsonArray(batches, "[", "]", (org) => hsdsOrganization(org, baseUrl, vocabulary));
}
