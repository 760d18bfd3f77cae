import type { ClassificationOutcome } from "../../generated/prisma/enums.js";
import type { ClassificationInput } from "../../services/review/registerUpkeepService.js";
import type { MeasureDraft } from "./demoPlan.js";
import type { Prng } from "./prng.js";

/** A classification of a demo measure; the reviewer is filled in when written. */
export interface ClassificationDraft extends ClassificationInput {
  createdAt: Date;
}

const PUBLIC_PARTNER =
  /comune|sanitaria|scuol|istitut|bibliotec|servizi sociali|trasporto pubblico|istruzione|farmacia/i;
const THIRD_SECTOR =
  /cooperativ|associazion|volontar|fondazion|caritas|parrocchia|circolo|polisportiva|sportiva|patronato|sindacat|lega /i;

/**
 * Classifies about 60% of the measures of an approved organization the way a
 * reviewer would with the register's criteria; some open measures were first
 * set aside as "to be examined", so the history has more than one row.
 */
export function classify(measure: MeasureDraft, approvedAt: Date, rng: Prng): ClassificationDraft[] {
  if (!rng.chance(0.6)) return [];
  const partners = measure.partners ?? "";
  const open = measure.openToCitizens ?? false;
  const criteria = {
    openToCitizens: open,
    integratesPublicService: PUBLIC_PARTNER.test(partners),
    wellbeingImpact: open || (measure.beneficiaries as string[]).includes("FAMILIES"),
    continuity: measure.status !== "ENDED",
    thirdSectorPartnership: THIRD_SECTOR.test(partners),
  };
  const rooted = criteria.integratesPublicService || criteria.thirdSectorPartnership;
  const outcome: ClassificationOutcome = !open ? "COMPANY_BENEFIT" : rooted ? "TERRITORIAL_WELFARE" : "TO_BE_EXAMINED";
  const final = { ...criteria, outcome, rationale: rationaleFor(outcome, criteria), createdAt: approvedAt };
  if (outcome !== "TERRITORIAL_WELFARE" || !rng.chance(0.25)) return [final];
  const earlier = new Date(approvedAt.getTime() - 12 * 86_400_000);
  const first: ClassificationDraft = {
    ...criteria,
    integratesPublicService: false,
    thirdSectorPartnership: false,
    outcome: "TO_BE_EXAMINED",
    rationale: "Mancano informazioni sui partner e sull'accesso dei cittadini: chiesti chiarimenti all'impresa.",
    createdAt: earlier,
  };
  return [first, final];
}

function rationaleFor(
  outcome: ClassificationOutcome,
  c: Omit<ClassificationDraft, "outcome" | "rationale" | "createdAt">,
): string {
  if (outcome === "COMPANY_BENEFIT") {
    return "Misura rivolta solo a dipendenti e familiari: è un benefit aziendale, utile ma non apre servizi al territorio.";
  }
  if (outcome === "TO_BE_EXAMINED") {
    return "Aperta ai cittadini, ma senza legami con i servizi pubblici o con il terzo settore: da approfondire alla prossima verifica.";
  }
  const reasons = ["aperta ai cittadini del territorio"];
  if (c.integratesPublicService) reasons.push("integrata con i servizi pubblici locali");
  if (c.thirdSectorPartnership) reasons.push("realizzata con organizzazioni del terzo settore");
  if (c.continuity) reasons.push("con continuità nel tempo");
  return `Welfare territoriale: misura ${reasons.join(", ")}.`;
}
