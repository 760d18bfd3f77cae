import { sizeClassFor } from "../../domain/sizeClass.js";
import { vatCheckDigit } from "../../domain/vatNumber.js";
import { jitter, Prng, seedFor } from "./prng.js";
import * as V from "./syntheticVocabulary.js";

export interface SyntheticComune {
  istatCode: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  areaKm2: number;
}

/** Column arrays for `INSERT ... SELECT FROM unnest(...)`, one entry per row. */
export interface OrganizationColumns {
  slug: string[]; vatNumber: string[]; registryNumber: string[];
  registeredAt: string[]; lastVerifiedAt: string[]; name: string[]; legalForm: string[];
  ateco: string[]; employees: number[]; sizeClass: string[]; address: string[]; comuneCode: string[];
  lat: number[]; lon: number[]; website: string[]; contactEmail: string[]; description: string[];
  welfareStage: string[];
  /** The measure texts the search document is made of (see searchIndexRepository). */
  titles: (string | null)[]; measureTexts: (string | null)[];
}

export interface MeasureColumns {
  orgIndex: number[]; title: string[]; description: string[]; category: string[]; status: string[];
  beneficiaries: string[]; openToCitizens: boolean[]; areaServed: string[]; accessConditions: string[];
  costToCitizens: string[]; capacity: (number | null)[]; startsOn: (string | null)[];
  endsOn: (string | null)[]; partners: string[];
}

const DAY = 86_400_000;
const FIRST_REGISTRATION = Date.UTC(2016, 0, 4);
const LAST_REGISTRATION = Date.UTC(2026, 10, 20);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}
const MEASURE_COUNTS = cumulative([0, 6, 12, 20, 24, 18, 12, 8]); // 1..7 measures, 4.04 on average
const LEGAL = cumulative(V.LEGAL_FORMS.map(([, w]) => w));
const ATECO = cumulative(V.ATECO_WEIGHTS.map(([, w]) => w));
const CATEGORY = cumulative(V.CATEGORY_WEIGHTS.map(([, w]) => w));

export const syntheticSlug = (index: number) => `sintetica-${index}`;

/** Rows for organizations `indexes`; each is a pure function of its index. */
export function generateBatch(indexes: number[], comuni: SyntheticComune[]) {
  const byPopulation = cumulative(comuni.map((c) => c.population));
  const org = emptyColumns<OrganizationColumns>(["slug", "vatNumber", "registryNumber", "registeredAt", "lastVerifiedAt", "name", "legalForm", "ateco", "employees", "sizeClass", "address", "comuneCode", "lat", "lon", "website", "contactEmail", "description", "welfareStage", "titles", "measureTexts"]);
  const measure = emptyColumns<MeasureColumns>(["orgIndex", "title", "description", "category", "status", "beneficiaries", "openToCitizens", "areaServed", "accessConditions", "costToCitizens", "capacity", "startsOn", "endsOn", "partners"]);
  for (const i of indexes) {
    const rng = new Prng(seedFor(i));
    const comune = comuni[rng.weightedIndex(byPopulation)]!;
    const here = (text: string) => text.replaceAll("{comune}", comune.name);
    const legalForm = V.LEGAL_FORMS[rng.weightedIndex(LEGAL)]![0];
    const employees = Math.max(1, Math.round(Math.exp(rng.next() * rng.next() * 8.5)));
    const registered = FIRST_REGISTRATION + rng.int(0, (LAST_REGISTRATION - FIRST_REGISTRATION) / DAY) * DAY + rng.int(8, 17) * 3_600_000;
    const verified = registered + rng.next() * (LAST_REGISTRATION - registered);
    const point = jitter(rng, comune.lat, comune.lon, Math.sqrt(comune.areaKm2 / Math.PI) * 0.8);
    const taxpayer = String(2_000_000 + i).padStart(7, "0") + "037";
    const slug = syntheticSlug(i);

    const titles: string[] = [];
    const texts: string[] = [];
    const count = rng.weightedIndex(MEASURE_COUNTS);
    for (let k = 0; k < count; k++) {
      const category = V.CATEGORY_WEIGHTS[rng.weightedIndex(CATEGORY)]![0];
      const words = V.CATEGORY_TEXT[category];
      const open = rng.chance(0.45);
      const roll = rng.next();
      const status = roll < 0.72 ? "ACTIVE" : roll < 0.9 ? "PLANNED" : "ENDED";
      const title = rng.pick(words.titles) + rng.pick(V.TITLE_QUALIFIERS);
      const description = `${rng.pick(words.sentences)} ${rng.pick(words.sentences)} ${here(rng.pick(V.ORG_SENTENCES))}`;
      const partners = rng.chance(0.5) ? here([rng.pick(V.PARTNERS), ...(rng.chance(0.4) ? [rng.pick(V.PARTNERS)] : [])].join("; ")) : "";
      const areaServed = open ? (rng.chance(0.7) ? comune.name : "Comuni del distretto") : "";
      const beneficiaries = [rng.chance(0.88) || !open ? "EMPLOYEES" : null, rng.chance(0.5) ? "FAMILIES" : null, open ? "CITIZENS" : null].filter(Boolean);
      const started = registered - rng.int(0, 1500) * DAY;
      measure.orgIndex.push(i);
      measure.title.push(title);
      measure.description.push(description);
      measure.category.push(category);
      measure.status.push(status);
      measure.beneficiaries.push(`{${beneficiaries.join(",")}}`);
      measure.openToCitizens.push(open);
      measure.areaServed.push(areaServed);
      measure.accessConditions.push(open ? rng.pick(V.ACCESS_CONDITIONS) : "");
      measure.costToCitizens.push(open ? rng.pick(V.COSTS) : "");
      measure.capacity.push(rng.chance(0.6) ? rng.int(2, 60) * 5 : null);
      measure.startsOn.push(status === "PLANNED" ? (rng.chance(0.5) ? `2027-${String(rng.int(1, 12)).padStart(2, "0")}-01` : null) : isoDay(started));
      measure.endsOn.push(status === "ENDED" ? isoDay(Math.min(started + rng.int(180, 2000) * DAY, LAST_REGISTRATION)) : null);
      measure.partners.push(partners);
      titles.push(title);
      // concat_ws(' ', description, areaServed, partners), as the search index composes it
      texts.push([description, areaServed, partners].join(" "));
    }

    const name = `${rng.pick(V.ACTIVITIES)} ${rng.pick(V.NAME_WORDS)}${rng.chance(0.3) ? ` ${rng.pick(V.NAME_WORDS)}` : ""} ${legalForm}`;
    org.slug.push(slug);
    org.vatNumber.push(taxpayer + String(vatCheckDigit(taxpayer)));
    org.registryNumber.push(`RWB-S-${String(i).padStart(7, "0")}`);
    org.registeredAt.push(new Date(registered).toISOString());
    org.lastVerifiedAt.push(new Date(verified).toISOString());
    org.name.push(name);
    org.legalForm.push(legalForm);
    org.ateco.push(V.ATECO_WEIGHTS[rng.weightedIndex(ATECO)]![0]);
    org.employees.push(employees);
    org.sizeClass.push(sizeClassFor(employees));
    org.address.push(`${rng.pick(V.STREETS)} ${rng.int(1, 180)}`);
    org.comuneCode.push(comune.istatCode);
    org.lat.push(point.lat);
    org.lon.push(point.lon);
    org.website.push(`https://${slug}.example.org`);
    org.contactEmail.push(`info@${slug}.example.org`);
    org.description.push(`${here(rng.pick(V.ORG_SENTENCES))} Dati sintetici.`);
    org.welfareStage.push(rng.chance(0.1) ? "PLANNING" : "ACTIVE");
    org.titles.push(count ? titles.join(" ") : null);
    org.measureTexts.push(count ? texts.join(" ") : null);
  }
  return { org, measure };
}

function emptyColumns<T>(names: (keyof T)[]): T {
  return Object.fromEntries(names.map((n) => [n, []])) as T;
}
