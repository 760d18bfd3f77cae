import { publicDatasetNames } from "./statisticsDatasets.js";

// DCAT-AP_IT (the Italian profile of DCAT-AP) catalogue of the open data, as JSON-LD.

const EU = "http://publications.europa.eu/resource/authority";
const PUBLISHER_NAME = "Città metropolitana di Bologna";

const text = (it: string, en: string) => [
  { "@language": "it", "@value": it },
  { "@language": "en", "@value": en },
];
const date = (d: Date) => ({ "@value": d.toISOString().slice(0, 10), "@type": "xsd:date" });

const licence = {
  "@id": "https://creativecommons.org/licenses/by/4.0/",
  "@type": ["dct:LicenseDocument", "dcatapit:LicenseDocument"],
  "dct:type": { "@id": "http://purl.org/adms/licencetype/Attribution" },
  "foaf:name": "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
  "owl:versionInfo": "4.0",
};

const FORMATS = {
  CSV: { type: "CSV", media: "text/csv" },
  JSON: { type: "JSON", media: "application/json" },
  GEOJSON: { type: "GEOJSON", media: "application/geo+json" },
  JSONLD: { type: "JSON_LD", media: "application/ld+json" },
} as const;

export function dcatCatalogue(baseUrl: string, modified: Date) {
  const publisher = {
    "@id": `${baseUrl}/open-data/catalogo.jsonld#titolare`,
    "@type": ["foaf:Agent", "dcatapit:Agent"],
    "foaf:name": PUBLISHER_NAME,
  };
  const contactPoint = {
    "@id": `${baseUrl}/open-data/catalogo.jsonld#contatto`,
    "@type": ["vcard:Organization", "dcatapit:Organization"],
    "vcard:fn": PUBLISHER_NAME,
    "vcard:hasURL": { "@id": `${baseUrl}/open-data` },
  };
  const distribution = (file: string, format: keyof typeof FORMATS, title: [string, string]) => ({
    "@id": `${baseUrl}/open-data/catalogo.jsonld#${file}`,
    "@type": ["dcat:Distribution", "dcatapit:Distribution"],
    "dct:title": text(...title),
    "dcat:accessURL": { "@id": `${baseUrl}/open-data` },
    "dcat:downloadURL": { "@id": `${baseUrl}${file.startsWith("/") ? file : `/open-data/${file}`}` },
    "dct:format": { "@id": `${EU}/file-type/${FORMATS[format].type}` },
    "dcat:mediaType": FORMATS[format].media,
    "dct:license": licence,
    "dct:modified": date(modified),
  });
  const dataset = (
    id: string,
    title: [string, string],
    description: [string, string],
    themes: string[],
    distributions: unknown[],
  ) => ({
    "@id": `${baseUrl}/open-data/catalogo.jsonld#${id}`,
    "@type": ["dcat:Dataset", "dcatapit:Dataset"],
    "dct:identifier": `cm_bo:registro-welfare:${id}`,
    "dct:title": text(...title),
    "dct:description": text(...description),
    "dct:modified": date(modified),
    "dcat:theme": themes.map((t) => ({ "@id": `${EU}/data-theme/${t}` })),
    "dct:publisher": publisher,
    "dct:rightsHolder": publisher,
    "dcat:contactPoint": contactPoint,
    "dct:accrualPeriodicity": { "@id": `${EU}/frequency/DAILY` },
    "dct:language": { "@id": `${EU}/language/ITA` },
    // ISTAT code of the Città metropolitana di Bologna.
    "dct:spatial": { "@type": "dct:Location", "dct:identifier": "237", "locn:geographicName": PUBLISHER_NAME },
    "dcat:landingPage": { "@id": `${baseUrl}/open-data` },
    "dcat:distribution": distributions,
  });

  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dcatapit: "http://dati.gov.it/onto/dcatapit#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      locn: "http://www.w3.org/ns/locn#",
      owl: "http://www.w3.org/2002/07/owl#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": `${baseUrl}/open-data/catalogo.jsonld`,
    "@type": ["dcat:Catalog", "dcatapit:Catalog"],
    "dct:title": text("Open data del Registro del welfare aziendale", "Open data of the corporate welfare register"),
    "dct:description": text(
      "I dati pubblici del registro delle imprese che offrono misure di welfare aziendale e territoriale nella Città metropolitana di Bologna.",
      "Public data of the register of companies offering corporate and territorial welfare measures in the Città metropolitana di Bologna.",
    ),
    "dct:publisher": publisher,
    "dct:modified": date(modified),
    "dct:language": { "@id": `${EU}/language/ITA` },
    "foaf:homepage": { "@id": `${baseUrl}/open-data` },
    "dcat:dataset": [
      dataset(
        "registro",
        ["Registro del welfare aziendale: organizzazioni", "Corporate welfare register: organizations"],
        [
          "Le organizzazioni iscritte al registro, con i dati approvati: sede, comune, coordinate, dimensione, sezione ATECO, contatti istituzionali e misure di welfare.",
          "Registered organizations with their approved data: seat, comune, coordinates, size, ATECO section, institutional contacts and welfare measures.",
        ],
        ["SOCI", "ECON"],
        [
          distribution("registro.csv", "CSV", ["Organizzazioni (CSV)", "Organizations (CSV)"]),
          distribution("registro.json", "JSON", [
            "Organizzazioni e misure (JSON)",
            "Organizations and measures (JSON)",
          ]),
          distribution("registro.geojson", "GEOJSON", ["Organizzazioni (GeoJSON)", "Organizations (GeoJSON)"]),
          distribution("hsds.json", "JSON", [
            "Organizzazioni, servizi e sedi (Open Referral HSDS 3.0)",
            "Organizations, services and locations (Open Referral HSDS 3.0)",
          ]),
        ],
      ),
      dataset(
        "misure",
        ["Misure di welfare delle organizzazioni iscritte", "Welfare measures of registered organizations"],
        [
          "Le misure pubblicate, con categoria, beneficiari, apertura ai cittadini e classificazione corrente.",
          "Published measures with category, beneficiaries, openness to citizens and current classification.",
        ],
        ["SOCI", "HEAL"],
        [distribution("misure.csv", "CSV", ["Misure (CSV)", "Measures (CSV)"])],
      ),
      dataset(
        "statistiche",
        ["Monitoraggio del registro", "Monitoring of the register"],
        [
          "Gli indicatori di monitoraggio pubblicati nella pagina Statistiche, uno per file.",
          "The monitoring figures of the Statistics page, one per file.",
        ],
        ["SOCI", "GOVE"],
        publicDatasetNames.map((name) =>
          distribution(`/statistiche/${name}.csv`, "CSV", [`Statistiche: ${name}`, `Statistics: ${name}`]),
        ),
      ),
    ],
  };
}
