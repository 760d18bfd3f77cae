import type { CsvValue } from "../../domain/csv.js";
import { categories, outcomeSlug, sizeClasses } from "../../domain/vocabulary.js";
import type { PublicFigures } from "./statisticsService.js";

/** A figure as a table: column names are a public contract (CSV headers), values are codes. */
export interface Dataset {
  columns: string[];
  rows: CsvValue[][];
}

/** /statistiche/<name>.csv: every dataset of the public page. */
export const publicDatasets = {
  comuni: (f: PublicFigures): Dataset => ({
    columns: ["codice_istat", "comune", "organizzazioni"],
    rows: f.comuni.map((c) => [c.istatCode, c.name, c.organizations]),
  }),
  categorie: (f: PublicFigures): Dataset => ({
    columns: ["categoria", "misure", "misure_aperte_ai_cittadini", "organizzazioni"],
    rows: f.categories.map((c) => [
      categories.slug(c.category as never),
      c.measures,
      c.openToCitizens,
      c.organizations,
    ]),
  }),
  dimensioni: (f: PublicFigures): Dataset => ({
    columns: ["dimensione", "organizzazioni"],
    rows: f.sizes.map((s) => [s.sizeClass ? sizeClasses.slug(s.sizeClass as never) : "non-indicata", s.organizations]),
  }),
  ateco: (f: PublicFigures): Dataset => ({
    columns: ["sezione_ateco", "descrizione", "organizzazioni"],
    rows: f.ateco.map((a) => [a.code ?? "", a.nameIt ?? "", a.organizations]),
  }),
  classificazione: (f: PublicFigures): Dataset => ({
    columns: ["esito", "misure", "percentuale"],
    rows: f.outcomes.map((o) => [outcomeSlug(o.outcome), o.measures, o.share]),
  }),
  iscrizioni: (f: PublicFigures): Dataset => ({
    columns: ["anno", "mese", "organizzazioni_iscritte"],
    rows: f.registrations.map((r) => [r.year, r.month, r.organizations]),
  }),
  eventi: (f: PublicFigures): Dataset => ({
    columns: ["anno", "tipo", "eventi", "partecipanti_medi"],
    rows: f.events.map((e) => [e.year, e.type, e.events, e.averageParticipants]),
  }),
  // The first five columns are money, as before contributions in kind existed; those follow, apart.
  contributi: (f: PublicFigures): Dataset => ({
    columns: [
      "finanziatore",
      "attivita",
      "anno",
      "totale_euro",
      "contributi",
      "risorse_in_natura",
      "risorse_in_natura_senza_stima",
      "valore_stimato_in_natura_euro",
    ],
    rows: f.funding.map((c) => [
      c.fundedBy,
      c.activity,
      c.year,
      c.money,
      c.moneyCount,
      c.inKindCount,
      c.inKindUnestimated,
      c.inKindEstimate,
    ]),
  }),
};

export const publicDatasetNames = Object.keys(publicDatasets) as (keyof typeof publicDatasets)[];
