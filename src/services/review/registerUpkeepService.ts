import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RegisterAdminRepository, RegisterFilters } from "../../data/review/registerAdminRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { Db } from "../../data/shared/db.js";
import type { ClassificationOutcome, RegistryStatus } from "../../generated/prisma/enums.js";
import { allOrNothing } from "../shared/allOrNothing.js";
import type { Actor } from "./reviewService.js";

import { verificationThreshold } from "../../domain/verification.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import { keysetBatches } from "../shared/keysetBatches.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { DecisionMails } from "./decisionMails.js";

export interface ClassificationInput {
  outcome: ClassificationOutcome;
  openToCitizens: boolean;
  integratesPublicService: boolean;
  wellbeingImpact: boolean;
  continuity: boolean;
  thirdSectorPartnership: boolean;
  rationale: string;
}

export type UpkeepOutcome = { ok: true } | { ok: false; reason: "notFound" | "conflict" };

/** An entry that was ever registered can be verified; an application not yet approved cannot. */
const verifiable = (org: { registryStatus: RegistryStatus }) => org.registryStatus !== "NOT_REGISTERED";

/**
 * Keeping the register true: classification of measures (history kept, the
 * latest is current), verification dates, suspension and reinstatement.
 * Every change writes its audit entry in the same transaction.
 */
export function createRegisterUpkeepService(deps: {
  register: RegisterAdminRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  outbox: OutboxRepository;
  mails: DecisionMails;
}) {
  const { register, audit, transaction, outbox, mails } = deps;

  /** Verified today, audited: the entry's data were checked and are still true. */
  async function recordVerification(tx: Db, org: { id: number; lastVerifiedAt: Date | null }, actor: Actor) {
    const after = await register.verify(org.id, new Date(), tx);
    await audit.change(
      tx,
      actor,
      "organization.verify",
      ["Organization", org.id],
      { lastVerifiedAt: org.lastVerifiedAt },
      after,
    );
  }

  async function move(
    id: number,
    actor: Actor,
    from: "REGISTERED" | "SUSPENDED",
    to: "REGISTERED" | "SUSPENDED",
    reason: string,
  ): Promise<UpkeepOutcome> {
    return transaction(async (tx) => {
      const org = await register.status(id, tx);
      if (!org) return { ok: false, reason: "notFound" } as const;
      if (!(await register.changeStatus(id, from, to, tx))) return { ok: false, reason: "conflict" } as const;
      await audit.change(
        tx,
        actor,
        to === "SUSPENDED" ? "organization.suspend" : "organization.reinstate",
        ["Organization", id],
        { registryStatus: from },
        { registryStatus: to, reason },
      );
      // The company hears it, with the reason, in the same transaction (the outbox).
      await outbox.enqueueAll(mails.decision(to === "SUSPENDED" ? "SUSPENDED" : "REINSTATED", org, reason), tx);
      return { ok: true } as const;
    });
  }

  return {
    list: (filters: RegisterFilters, page = 1) => register.list(filters, page),
    /** Every entry that matches, a batch at a time: the CSV download. */
    batches: (filters: RegisterFilters) =>
      keysetBatches((afterId, take) => register.exportAfter(filters, afterId, take), STAFF_EXPORT_BATCH),
    /** One page of the classification queue and its total (staffPaging.ts). */
    classificationQueue: (page: number) => register.classificationQueue(page),
    staleCount: () => register.countStale(verificationThreshold()),
    detail: (id: number) => register.detail(id),
    organizationOfMeasure: async (measureId: number) => (await register.measure(measureId))?.organizationId ?? null,

    suspend: (id: number, actor: Actor, reason: string) => move(id, actor, "REGISTERED", "SUSPENDED", reason),
    reinstate: (id: number, actor: Actor, reason: string) => move(id, actor, "SUSPENDED", "REGISTERED", reason),

    async verify(id: number, actor: Actor): Promise<UpkeepOutcome> {
      return transaction(async (tx) => {
        const org = await register.status(id, tx);
        if (!org || !verifiable(org)) return { ok: false, reason: "notFound" } as const;
        await recordVerification(tx, org, actor);
        return { ok: true } as const;
      });
    },

    /** "Segna come verificate" on several entries of the register: one transaction, all or nothing. */
    verifyMany: (ids: number[], actor: Actor) =>
      allOrNothing(transaction, ids, {
        read: (selected, tx) => register.statuses(selected, tx),
        refusal: (id, org) =>
          !org
            ? { id, name: `#${id}`, reason: "notFound" }
            : verifiable(org)
              ? null
              : { id, name: org.name, reason: "notRegistered" },
        apply: async (org, tx) => {
          await recordVerification(tx, org, actor);
          return true;
        },
      }),

    /** A new classification becomes current; earlier ones stay as history. */
    async classify(
      measureId: number,
      actor: Actor,
      input: ClassificationInput,
    ): Promise<UpkeepOutcome & { organizationId?: number }> {
      return transaction(async (tx) => {
        const measure = await register.measure(measureId, tx);
        if (!measure || measure.organizationId === null) return { ok: false, reason: "notFound" } as const;
        await recordClassification({ register, audit }, tx, measure, actor, input);
        // The company hears the outcome, the criteria and the rationale.
        const org = await register.status(measure.organizationId, tx);
        await outbox.enqueueAll(mails.classification(org, measure.title, input), tx);
        return { ok: true, organizationId: measure.organizationId } as const;
      });
    },
  };
}

export type RegisterUpkeepService = ReturnType<typeof createRegisterUpkeepService>;

/**
 * A new classification of a measure (an organization's or a network's) becomes
 * current; earlier ones stay as history; audited. Inside the caller's transaction.
 */
export async function recordClassification(
  deps: { register: RegisterAdminRepository; audit: AuditRepository },
  tx: Db,
  measure: { id: number; currentOutcome: ClassificationOutcome | null },
  actor: Actor,
  input: ClassificationInput,
) {
  const created = await deps.register.addClassification({ measureId: measure.id, reviewerId: actor.id, ...input }, tx);
  await deps.register.setCurrentOutcome(measure.id, input.outcome, tx);
  await deps.audit.change(
    tx,
    actor,
    "measure.classify",
    ["Measure", measure.id],
    { currentOutcome: measure.currentOutcome },
    { classificationId: created.id, ...input },
  );
}
