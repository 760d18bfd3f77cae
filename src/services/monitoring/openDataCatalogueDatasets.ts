import { publicDatasetNames } from "./statisticsDatasets.js";

// What the DCAT-AP_IT catalogue says about each dataset, in Italian and English.
// Themes: the EU data-theme vocabulary; subjects: the EuroVoc micro-thesauri that
// DCAT-AP_IT maps to those themes (theme-subtheme-mapping of italia/dati-semantic-assets).
// Keywords carry no comma, apostrophe or slash: dati.gov.it refuses them.

export type Bilingual = readonly [it: string, en: string];

export interface CatalogueDistribution {
  /** A file of /open-data, or a path from the site's root. */
  file: string;
  format: keyof typeof FORMATS;
  title: Bilingual;
  description: Bilingual;
}

export interface CatalogueDataset {
  id: string;
  title: Bilingual;
  description: Bilingual;
  themes: string[];
  subjects: string[];
  keywords: Bilingual[];
  distributions: CatalogueDistribution[];
}

/** EU file type (dct:format) and IANA media type (dcat:mediaType) of each download. */
export const FORMATS = {
  CSV: { fileType: "CSV", mediaType: "text/csv" },
  JSON: { fileType: "JSON", mediaType: "application/json" },
  GEOJSON: { fileType: "GEOJSON", mediaType: "application/geo+json" },
} as const;

const EUROVOC = {
  businessClassification: "100227",
  executivePowerAndPublicService: "100169",
  personnelManagementAndRemuneration: "100235",
  socialProtection: "100214",
  workingConditions: "100234",
};

const WELFARE_KEYWORDS: Bilingual[] = [
  ["welfare aziendale", "corporate welfare"],
  ["welfare territoriale", "territorial welfare"],
  ["Città metropolitana di Bologna", "Metropolitan City of Bologna"],
];

export const catalogueDatasets: CatalogueDataset[] = [
  {
    id: "registro",
    title: ["Registro del welfare aziendale: organizzazioni", "Corporate welfare register: organizations"],
    description: [
      "Le organizzazioni iscritte al registro, con i dati approvati: sede, comune, coordinate, dimensione, sezione ATECO, contatti istituzionali e misure di welfare.",
      "Registered organizations with their approved data: seat, comune, coordinates, size, ATECO section, institutional contacts and welfare measures.",
    ],
    themes: ["SOCI", "ECON"],
    subjects: [EUROVOC.socialProtection, EUROVOC.workingConditions, EUROVOC.businessClassification],
    keywords: [...WELFARE_KEYWORDS, ["imprese", "companies"], ["registro", "register"]],
    distributions: [
      {
        file: "registro.csv",
        format: "CSV",
        title: ["Organizzazioni (CSV)", "Organizations (CSV)"],
        description: [
          "Una riga per organizzazione iscritta: numero di iscrizione, sede, comune, coordinate, dimensione, sezione ATECO e contatti istituzionali.",
          "One row per registered organization: registration number, seat, comune, coordinates, size, ATECO section and institutional contacts.",
        ],
      },
      {
        file: "registro-excel.csv",
        format: "CSV",
        title: ["Organizzazioni (CSV per Excel)", "Organizations (CSV for Excel)"],
        description: [
          "La stessa tabella di registro.csv separata da punti e virgola, con virgola decimale e byte-order mark: si apre direttamente in Excel in italiano.",
          "The same table as registro.csv separated by semicolons, with decimal commas and a byte-order mark: it opens directly in Excel set to Italian.",
        ],
      },
      {
        file: "registro.json",
        format: "JSON",
        title: ["Organizzazioni e misure (JSON)", "Organizations and measures (JSON)"],
        description: [
          "Le organizzazioni iscritte, ciascuna con le sue misure di welfare, in un unico documento JSON.",
          "Registered organizations, each with its welfare measures, in a single JSON document.",
        ],
      },
      {
        file: "registro.geojson",
        format: "GEOJSON",
        title: ["Organizzazioni (GeoJSON)", "Organizations (GeoJSON)"],
        description: [
          "Le sedi delle organizzazioni iscritte come punti in coordinate WGS84, con i dati dell'organizzazione e il numero delle sue misure.",
          "The seats of registered organizations as points in WGS84 coordinates, with the organization's data and the number of its measures.",
        ],
      },
      {
        file: "hsds.json",
        format: "JSON",
        title: [
          "Organizzazioni, servizi e sedi (Open Referral HSDS 3.0)",
          "Organizations, services and locations (Open Referral HSDS 3.0)",
        ],
        description: [
          "Le organizzazioni, le loro misure come servizi e le loro sedi secondo lo standard Open Referral HSDS 3.0.",
          "Organizations, their measures as services and their locations in the Open Referral HSDS 3.0 standard.",
        ],
      },
      {
        file: "hsds-tassonomie.json",
        format: "JSON",
        title: ["Tassonomie di hsds.json (Open Referral HSDS 3.0)", "Taxonomies of hsds.json (Open Referral HSDS 3.0)"],
        description: [
          "Le voci delle tassonomie (categorie, destinatari, apertura ai cittadini, classificazione) che i servizi di hsds.json citano per id, ciascuna con la sua tassonomia.",
          "The taxonomy terms (categories, beneficiaries, openness to citizens, classification) that the services of hsds.json name by id, each with its taxonomy.",
        ],
      },
    ],
  },
  {
    id: "misure",
    title: ["Misure di welfare delle organizzazioni iscritte", "Welfare measures of registered organizations"],
    description: [
      "Le misure pubblicate, con categoria, beneficiari, apertura ai cittadini e classificazione corrente.",
      "Published measures with category, beneficiaries, openness to citizens and current classification.",
    ],
    themes: ["SOCI", "HEAL"],
    subjects: [EUROVOC.socialProtection, EUROVOC.workingConditions, EUROVOC.personnelManagementAndRemuneration],
    keywords: [...WELFARE_KEYWORDS, ["misure di welfare", "welfare measures"], ["conciliazione", "work life balance"]],
    distributions: [
      {
        file: "misure.csv",
        format: "CSV",
        title: ["Misure (CSV)", "Measures (CSV)"],
        description: [
          "Una riga per misura pubblicata: organizzazione, categoria, beneficiari, apertura ai cittadini, costi e classificazione corrente.",
          "One row per published measure: organization, category, beneficiaries, openness to citizens, costs and current classification.",
        ],
      },
      {
        file: "misure-excel.csv",
        format: "CSV",
        title: ["Misure (CSV per Excel)", "Measures (CSV for Excel)"],
        description: [
          "La stessa tabella di misure.csv separata da punti e virgola, con virgola decimale e byte-order mark: si apre direttamente in Excel in italiano.",
          "The same table as misure.csv separated by semicolons, with decimal commas and a byte-order mark: it opens directly in Excel set to Italian.",
        ],
      },
    ],
  },
  {
    id: "statistiche",
    title: ["Monitoraggio del registro", "Monitoring of the register"],
    description: [
      "Gli indicatori di monitoraggio pubblicati nella pagina Statistiche, uno per file.",
      "The monitoring figures of the Statistics page, one per file.",
    ],
    themes: ["SOCI", "GOVE"],
    subjects: [EUROVOC.socialProtection, EUROVOC.executivePowerAndPublicService],
    keywords: [...WELFARE_KEYWORDS, ["statistiche", "statistics"], ["monitoraggio", "monitoring"]],
    distributions: publicDatasetNames.map((name) => ({
      file: `/statistiche/${name}.csv`,
      format: "CSV",
      title: [`Statistiche: ${name}`, `Statistics: ${name}`],
      description: [
        `L'indicatore «${name}» della pagina Statistiche, come tabella CSV.`,
        `The «${name}» figure of the Statistics page, as a CSV table.`,
      ],
    })),
  },
];
