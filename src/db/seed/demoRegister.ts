import type { Comune } from "../../generated/prisma/client.js";
import { demoOrganizations, type DemoOrganization } from "./demoOrganizations.js";
import {
  approvedApplication,
  at,
  payloadOf,
  planOrganization,
  type ApplicationDraft,
  type PlanInput,
  type PlannedOrganization,
} from "./demoPlan.js";
import { Prng } from "./prng.js";

/**
 * Organizations that must never appear on a public page, named so that tests
 * can search for "Riservata" and expect nothing: no public text of the demo
 * or synthetic data uses a word of the same stem ("riserv").
 */
// prettier-ignore
const hidden = {
  draft: { name: "Bozza Riservata S.r.l.", legalForm: "S.r.l.", comune: "037006", ateco: "G", employees: 12, address: "Via delle Bozze 1", about: "Domanda di iscrizione in bozza, mai inviata.", measures: ["baby-sitter", "orti"] },
  submitted: { name: "Domanda Inviata Riservata S.p.A.", legalForm: "S.p.A.", comune: "037032", ateco: "C", employees: 95, address: "Via dell'Attesa 2", about: "Domanda di iscrizione inviata e non ancora esaminata.", measures: ["nido-quartiere", "navetta"] },
  suspended: { name: "Sospesa Riservata Soc. coop.", legalForm: "Soc. coop.", comune: "037011", ateco: "R", employees: 30, address: "Via della Pausa 3", about: "Iscrizione sospesa dagli uffici.", measures: ["centro-estivo", "spesa-domicilio"] },
  withdrawn: { name: "Ritirata Riservata S.r.l.", legalForm: "S.r.l.", comune: "037054", ateco: "N", employees: 16, address: "Via del Congedo 4", about: "Iscrizione ritirata dall'impresa.", measures: ["screening-cardio", "corsi-italiano"] },
} satisfies Record<string, DemoOrganization>;

export const HIDDEN_NAMES = Object.values(hidden).map((o) => o.name);
export const REVISION_MARK = "Revisione Riservata non approvata";

export interface DemoRegister {
  plans: PlannedOrganization[];
  /** Slug of the organization that gets each demo company account. */
  companyUsers: { email: string; name: string; slug: string }[];
  registryCounters: Map<number, number>;
}

export function buildDemoRegister(comuni: Map<string, Comune>): DemoRegister {
  const rng = new Prng(20_261_125);
  const everRegistered: DemoOrganization[] = [...demoOrganizations, hidden.suspended, hidden.withdrawn];
  // Registrations spread from January 2024 to November 2026, in a shuffled order.
  const order = everRegistered.map((_, i) => ({ i, key: rng.next() }));
  order.sort((a, b) => a.key - b.key);
  const start = at("2024-01-15").getTime();
  const step = (at("2026-11-12").getTime() - start) / everRegistered.length;
  const dates = new Array<Date>(everRegistered.length);
  const DAY = 86_400_000;
  order.forEach(({ i }, rank) => {
    const day = start + Math.round(((rank + 0.5) * step) / DAY) * DAY;
    dates[i] = new Date(day + rng.int(0, 28) * 15 * 60_000); // office hours, from 9:30 to 16:30
  });

  const counters = new Map<number, number>();
  const numbers = new Map<number, string>();
  [...dates.keys()]
    .sort((a, b) => dates[a]!.getTime() - dates[b]!.getTime())
    .forEach((i) => {
      const year = dates[i]!.getUTCFullYear();
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      numbers.set(i, `RWB-${year}-${String(n).padStart(4, "0")}`);
    });

  const plans = everRegistered.map((org, i) => {
    const registeredAt = dates[i]!;
    // Every fifth organization registered before September 2025 was not verified since.
    // Hidden ones were never verified again before leaving the register.
    const registryStatus =
      org === hidden.suspended ? "SUSPENDED" : org === hidden.withdrawn ? "WITHDRAWN" : "REGISTERED";
    const stale = (registeredAt < at("2025-09-01") && i % 5 === 0) || registryStatus !== "REGISTERED";
    const verified = stale
      ? registeredAt
      : new Date(Math.max(registeredAt.getTime(), at("2025-12-01").getTime() + rng.int(0, 350) * 86_400_000));
    const input: PlanInput = {
      ...org,
      registryStatus,
      registeredAt,
      lastVerifiedAt: verified,
      registryNumber: numbers.get(i) ?? null,
    };
    const plan = planOrganization(input, i, comune(comuni, org.comune), rng);
    plan.applications.push(approvedApplication(plan, registeredAt, rng));
    return plan;
  });
  for (const plan of plans.slice(-2)) for (const m of plan.measures) m.data.title += " – Riservata";

  const lead = plans[0]!;
  lead.applications.push(revision());
  plans.push(unregistered(hidden.draft, "DRAFT", everRegistered.length, comuni, rng));
  plans.push(unregistered(hidden.submitted, "SUBMITTED", everRegistered.length + 1, comuni, rng));

  const companyUsers = [
    { email: "impresa.lunaria@demo.invalid", name: "Referente Lunaria (demo)", slug: lead.data.slug },
    { email: "impresa.glicine@demo.invalid", name: "Referente Glicine e Ardesia (demo)", slug: plans[1]!.data.slug },
    { email: "bozza@demo.invalid", name: "Referente Bozza (demo)", slug: plans.at(-2)!.data.slug },
    { email: "inviata@demo.invalid", name: "Referente Domanda Inviata (demo)", slug: plans.at(-1)!.data.slug },
  ];
  return { plans, companyUsers, registryCounters: counters };
}

function comune(comuni: Map<string, Comune>, code: string): Comune {
  const found = comuni.get(code);
  if (!found) throw new Error(`Comune ${code} missing: seed the reference data first`);
  return found;
}

/** A firm that has only an application: its measures live in the payload alone. */
function unregistered(
  org: DemoOrganization,
  status: "DRAFT" | "SUBMITTED",
  index: number,
  comuni: Map<string, Comune>,
  rng: Prng,
): PlannedOrganization {
  const input: PlanInput = {
    ...org,
    registryStatus: "NOT_REGISTERED",
    registeredAt: null,
    lastVerifiedAt: null,
    registryNumber: null,
  };
  const plan = planOrganization(input, index, comune(comuni, org.comune), rng);
  for (const m of plan.measures) m.data.title += " – Riservata";
  const submittedAt = status === "SUBMITTED" ? at("2026-11-18") : null;
  const payload = payloadOf(plan);
  if (status === "DRAFT") {
    // A draft saved half-way: the application form must list what is missing.
    delete payload.organization.contactEmail;
    for (const m of payload.measures.slice(1)) delete m.description;
    // Only a submitted application reserves its Partita IVA (companyApplicationService.submit).
    plan.data.vatNumber = null;
  }
  plan.applications.push({
    kind: "INITIAL",
    status,
    payload,
    createdAt: at("2026-11-10"),
    submittedAt,
    decidedAt: null,
    events: submittedAt ? [{ type: "SUBMITTED", actor: "company", comment: null, createdAt: submittedAt }] : [],
  });
  plan.measures = [];
  return plan;
}

/** A pending change of a registered firm: the approved version must stay online. */
function revision(): ApplicationDraft {
  const submittedAt = at("2026-11-20");
  return {
    kind: "REVISION",
    status: "SUBMITTED",
    payload: null,
    createdAt: at("2026-11-19"),
    submittedAt,
    decidedAt: null,
    events: [{ type: "SUBMITTED", actor: "company", comment: null, createdAt: submittedAt }],
  };
}
