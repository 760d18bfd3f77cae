import type { MeasureCategory } from "../../generated/prisma/enums.js";
import { categorySearchWord } from "../../domain/searchVocabulary.js";
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

export interface SyntheticOrganization {
  index: number;
  slug: string;
  vatNumber: string;
  registryNumber: string;
  registeredAt: string;
  lastVerifiedAt: string;
  name: string;
  legalForm: string;
  ateco: string;
  employees: number;
  sizeClass: string;
  address: string;
  comuneCode: string;
  lat: number;
  lon: number;
  website: string;
  contactEmail: string;
  description: string;
  welfareStage: string;
  /** The measure texts of the search document, composed as searchIndexRepository does; null without measures. */
  titles: string | null;
  measureTexts: string | null;
}

export interface SyntheticMeasure {
  orgIndex: number;
  title: string;
  description: string;
  category: MeasureCategory;
  status: string;
  /** A PostgreSQL array literal, e.g. {EMPLOYEES,CITIZENS}. */
  beneficiaries: string;
  openToCitizens: boolean;
  areaServed: string;
  accessConditions: string;
  costToCitizens: string;
  capacity: number | null;
  startsOn: string | null;
  endsOn: string | null;
  partners: string;
}

const DAY = 86_400_000;
const FIRST_REGISTRATION = Date.UTC(2016, 0, 4);
const LAST_REGISTRATION = Date.UTC(2026, 10, 20);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Verified within the year before the last registration, as the re-verification
 * cycle (src/domain/verification.ts) keeps a register that has been running: at
 * the end of 2026 about one in eight due for the reminder (which seedSynthetic
 * records as sent), none overdue. Spread over all the years since registration
 * instead, 72 % were overdue and the first run of the job after a start mailed
 * 130,000 reminders and staff alerts, a backlog no real register has.
 */
const lastVerified = (registered: number, r: number) => {
  const since = Math.max(registered, LAST_REGISTRATION - 365 * DAY);
  return since + r * (LAST_REGISTRATION - since);
};

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}
const MEASURE_COUNTS = cumulative([0, 6, 12, 20, 24, 18, 12, 8]); // 1..7 measures, 4.04 on average
const LEGAL = cumulative(V.LEGAL_FORMS.map(([, w]) => w));
const ATECO = cumulative(V.ATECO_WEIGHTS.map(([, w]) => w));
const CATEGORY = cumulative(V.CATEGORY_WEIGHTS.map(([, w]) => w));

export const syntheticSlug = (index: number) => `sintetica-${index}`;

/** Organizations `indexes` with their measures; each is a pure function of its index. */
export function generateBatch(indexes: number[], comuni: SyntheticComune[]) {
  const byPopulation = cumulative(comuni.map((c) => c.population));
  const orgs: SyntheticOrganization[] = [];
  const measures: SyntheticMeasure[] = [];
  for (const index of indexes) {
    const rng = new Prng(seedFor(index));
    const comune = comuni[rng.weightedIndex(byPopulation)]!;
    const days = rng.int(0, (LAST_REGISTRATION - FIRST_REGISTRATION) / DAY);
    const registered = FIRST_REGISTRATION + days * DAY + rng.int(8, 17) * 3_600_000;
    const own = Array.from({ length: rng.weightedIndex(MEASURE_COUNTS) }, () =>
      generateMeasure(rng, index, comune, registered),
    );
    measures.push(...own);
    orgs.push(generateOrganization(rng, index, comune, registered, own));
  }
  return { orgs, measures };
}

function generateOrganization(
  rng: Prng,
  index: number,
  comune: SyntheticComune,
  registered: number,
  measures: SyntheticMeasure[],
): SyntheticOrganization {
  const slug = syntheticSlug(index);
  const taxpayer = String(2_000_000 + index).padStart(7, "0") + "037";
  const legalForm = V.LEGAL_FORMS[rng.weightedIndex(LEGAL)]![0];
  const second = rng.chance(0.3) ? ` ${rng.pick(V.NAME_WORDS)}` : "";
  const employees = Math.max(1, Math.round(Math.exp(rng.next() * rng.next() * 8.5)));
  const point = jitter(rng, comune.lat, comune.lon, Math.sqrt(comune.areaKm2 / Math.PI) * 0.8);
  const any = measures.length > 0;
  return {
    index,
    slug,
    vatNumber: taxpayer + String(vatCheckDigit(taxpayer)),
    registryNumber: `RWB-S-${String(index).padStart(7, "0")}`,
    registeredAt: new Date(registered).toISOString(),
    lastVerifiedAt: new Date(lastVerified(registered, rng.next())).toISOString(),
    name: `${rng.pick(V.ACTIVITIES)} ${rng.pick(V.NAME_WORDS)}${second} ${legalForm}`,
    legalForm,
    ateco: V.ATECO_WEIGHTS[rng.weightedIndex(ATECO)]![0],
    employees,
    sizeClass: sizeClassFor(employees),
    address: `${rng.pick(V.STREETS)} ${rng.int(1, 180)}`,
    comuneCode: comune.istatCode,
    lat: point.lat,
    lon: point.lon,
    website: `https://${slug}.example.org`,
    contactEmail: `info@${slug}.example.org`,
    description: `${rng.pick(V.ORG_SENTENCES).replaceAll("{comune}", comune.name)} Dati sintetici.`,
    welfareStage: rng.chance(0.1) ? "PLANNING" : "ACTIVE",
    // string_agg(concat_ws(' ', title, category word), ' ') as in refreshSearchData
    titles: any ? measures.map((m) => `${m.title} ${categorySearchWord(m.category)}`).join(" ") : null,
    // string_agg(concat_ws(' ', description, areaServed, partners), ' ')
    measureTexts: any ? measures.map((m) => [m.description, m.areaServed, m.partners].join(" ")).join(" ") : null,
  };
}

function generateMeasure(rng: Prng, orgIndex: number, comune: SyntheticComune, registered: number): SyntheticMeasure {
  const here = (text: string) => text.replaceAll("{comune}", comune.name);
  const category = V.CATEGORY_WEIGHTS[rng.weightedIndex(CATEGORY)]![0];
  const words = V.CATEGORY_TEXT[category];
  const open = rng.chance(0.45);
  const roll = rng.next();
  const status = roll < 0.72 ? "ACTIVE" : roll < 0.9 ? "PLANNED" : "ENDED";
  const partners = [rng.pick(V.PARTNERS), ...(rng.chance(0.4) ? [rng.pick(V.PARTNERS)] : [])];
  const beneficiaries = [
    rng.chance(0.88) || !open ? "EMPLOYEES" : null,
    rng.chance(0.5) ? "FAMILIES" : null,
    open ? "CITIZENS" : null,
  ].filter(Boolean);
  const started = registered - rng.int(0, 1500) * DAY;
  const planned = rng.chance(0.5) ? `2027-${String(rng.int(1, 12)).padStart(2, "0")}-01` : null;
  return {
    orgIndex,
    title: rng.pick(words.titles) + rng.pick(V.TITLE_QUALIFIERS),
    description: `${rng.pick(words.sentences)} ${rng.pick(words.sentences)} ${here(rng.pick(V.ORG_SENTENCES))}`,
    category,
    status,
    beneficiaries: `{${beneficiaries.join(",")}}`,
    openToCitizens: open,
    areaServed: open ? (rng.chance(0.7) ? comune.name : "Comuni del distretto") : "",
    accessConditions: open ? rng.pick(V.ACCESS_CONDITIONS) : "",
    costToCitizens: open ? rng.pick(V.COSTS) : "",
    capacity: rng.chance(0.6) ? rng.int(2, 60) * 5 : null,
    startsOn: status === "PLANNED" ? planned : isoDay(started),
    endsOn: status === "ENDED" ? isoDay(Math.min(started + rng.int(180, 2000) * DAY, LAST_REGISTRATION)) : null,
    partners: rng.chance(0.5) ? here(partners.join("; ")) : "",
  };
}
