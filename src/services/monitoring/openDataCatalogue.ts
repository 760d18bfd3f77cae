import {
  catalogueDatasets,
  FORMATS,
  type Bilingual,
  type CatalogueDataset,
  type CatalogueDistribution,
} from "./openDataCatalogueDatasets.js";

// DCAT-AP_IT (the Italian profile of DCAT-AP) catalogue of the open data, as JSON-LD
// with an inline @context (no remote document to fetch). tests/shapes/dcat-ap_it.ttl
// holds the profile's rules it is validated against.

export interface CataloguePublisher {
  /** Code in the Indice delle Pubbliche Amministrazioni: dct:identifier of the agent, prefix of dataset ids. */
  ipaCode: string;
  contactEmail: string;
}

export interface CatalogueDates {
  /** The register's first publication still public (dct:issued). */
  issued: Date;
  modified: Date;
}

const EU = "http://publications.europa.eu/resource/authority";
const PUBLISHER_NAME = "Città metropolitana di Bologna";
// ISTAT's code of the Città metropolitana di Bologna (since 2015; its comuni keep their 037xxx codes).
const ISTAT_METROPOLITAN_CITY = "237";

const text = ([it, en]: Bilingual) => [
  { "@language": "it", "@value": it },
  { "@language": "en", "@value": en },
];
const date = (d: Date) => ({ "@value": d.toISOString().slice(0, 10), "@type": "xsd:date" });
const ref = (iri: string) => ({ "@id": iri });

const licence = {
  "@id": "https://creativecommons.org/licenses/by/4.0/",
  "@type": ["dct:LicenseDocument", "dcatapit:LicenseDocument"],
  "dct:type": ref("http://purl.org/adms/licencetype/Attribution"),
  "foaf:name": text([
    "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
    "Creative Commons Attribution 4.0 International (CC BY 4.0)",
  ]),
  "owl:versionInfo": "4.0",
};

const themeTaxonomy = {
  "@id": `${EU}/data-theme`,
  "@type": "skos:ConceptScheme",
  "dct:title": text(["Vocabolario dei temi dei dati (EU)", "Data theme vocabulary (EU)"]),
};

const spatial = {
  "@type": "dct:Location",
  "dcatapit:geographicalIdentifier": ISTAT_METROPOLITAN_CITY,
  "locn:geographicName": { "@language": "it", "@value": PUBLISHER_NAME },
};

export function dcatCatalogue(baseUrl: string, { ipaCode, contactEmail }: CataloguePublisher, dates: CatalogueDates) {
  const catalogueUrl = `${baseUrl}/open-data/catalogo.jsonld`;
  const landingPage = ref(`${baseUrl}/open-data`);
  const publisher = {
    "@id": `${catalogueUrl}#titolare`,
    "@type": ["foaf:Agent", "dcatapit:Agent"],
    "dct:identifier": ipaCode,
    "foaf:name": { "@language": "it", "@value": PUBLISHER_NAME },
  };
  const contactPoint = {
    "@id": `${catalogueUrl}#contatto`,
    "@type": ["vcard:Organization", "dcatapit:Organization"],
    "vcard:fn": `${PUBLISHER_NAME} - Registro del welfare aziendale`,
    "vcard:hasEmail": ref(`mailto:${contactEmail}`),
    "vcard:hasURL": landingPage,
  };

  const distribution = ({ file, format, title, description }: CatalogueDistribution) => ({
    "@id": `${catalogueUrl}#${file}`,
    "@type": ["dcat:Distribution", "dcatapit:Distribution"],
    "dct:title": text(title),
    "dct:description": text(description),
    "dcat:accessURL": landingPage,
    "dcat:downloadURL": ref(`${baseUrl}${file.startsWith("/") ? file : `/open-data/${file}`}`),
    "dct:format": ref(`${EU}/file-type/${FORMATS[format].fileType}`),
    "dcat:mediaType": ref(`https://www.iana.org/assignments/media-types/${FORMATS[format].mediaType}`),
    "dct:license": licence,
    "dct:modified": date(dates.modified),
  });

  const dataset = (d: CatalogueDataset) => ({
    "@id": `${catalogueUrl}#${d.id}`,
    "@type": ["dcat:Dataset", "dcatapit:Dataset"],
    "dct:identifier": `${ipaCode}:registro-welfare:${d.id}`,
    "dct:title": text(d.title),
    "dct:description": text(d.description),
    "dct:issued": date(dates.issued),
    "dct:modified": date(dates.modified),
    "dcat:theme": d.themes.map((t) => ref(`${EU}/data-theme/${t}`)),
    "dct:subject": d.subjects.map((s) => ref(`http://eurovoc.europa.eu/${s}`)),
    "dcat:keyword": d.keywords.flatMap(text),
    "dct:publisher": publisher,
    "dct:rightsHolder": publisher,
    "dcat:contactPoint": contactPoint,
    "dct:accrualPeriodicity": ref(`${EU}/frequency/DAILY`),
    "dct:language": ref(`${EU}/language/ITA`),
    "dct:spatial": spatial,
    "dcat:landingPage": landingPage,
    "dcat:distribution": d.distributions.map(distribution),
  });

  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dcatapit: "http://dati.gov.it/onto/dcatapit#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      locn: "http://www.w3.org/ns/locn#",
      skos: "http://www.w3.org/2004/02/skos/core#",
      owl: "http://www.w3.org/2002/07/owl#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@id": catalogueUrl,
    "@type": ["dcat:Catalog", "dcatapit:Catalog"],
    "dct:title": text(["Open data del Registro del welfare aziendale", "Open data of the corporate welfare register"]),
    "dct:description": text([
      "I dati pubblici del registro delle imprese che offrono misure di welfare aziendale e territoriale nella Città metropolitana di Bologna.",
      "Public data of the register of companies offering corporate and territorial welfare measures in the Città metropolitana di Bologna.",
    ]),
    "dct:publisher": publisher,
    "dct:issued": date(dates.issued),
    "dct:modified": date(dates.modified),
    "dct:language": [ref(`${EU}/language/ITA`), ref(`${EU}/language/ENG`)],
    "foaf:homepage": landingPage,
    "dcat:themeTaxonomy": themeTaxonomy,
    "dcat:dataset": catalogueDatasets.map(dataset),
  };
}
