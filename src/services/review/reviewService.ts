import type { AlertDigestRepository } from "../../data/outreach/alertDigestRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import { nextRegistryNumber, publishedPayload, publishPayload } from "../../data/review/publicationRepository.js";
import {
  ASSIGNABLE,
  type ApplicationFilters,
  type ReviewRepository,
  type VatClaim,
} from "../../data/review/reviewRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { applicationName, missingItems, readPayload } from "../../domain/applicationPayload.js";
import type { Db } from "../../data/shared/db.js";
import { allOrNothing } from "../shared/allOrNothing.js";
import { diffPayload } from "../../domain/payloadDiff.js";
import type { DecisionMails } from "./decisionMails.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import { keysetBatches } from "../shared/keysetBatches.js";

export type Actor = Pick<Express.User, "id" | "name">;
export type DecisionOutcome =
  { ok: true } | { ok: false; reason: "notFound" | "conflict" | "incomplete" | "vatTaken" | "taken" };
export interface Decision {
  applicationId: number;
  /** The version the reviewer was looking at when deciding. */
  version: number;
  actor: Actor;
}

const conflict = { ok: false, reason: "conflict" } as const;

/**
 * Review of applications. Every decision is one transaction: the optimistic
 * lock on Application.version, the event, the audit entry, the e-mail to the
 * company and, for an approval, the publication and the registry number.
 */
export function createReviewService(deps: {
  reviews: ReviewRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  mails: DecisionMails;
  /** The alerts near me: which subscriptions a publication reaches. */
  alerts: Pick<AlertDigestRepository, "matchPublished">;
}) {
  const { reviews, audit, outbox, transaction, mails, alerts } = deps;

  /** The event and the audit entry of a "prendi in carico". */
  async function recordAssignment(tx: Db, applicationId: number, from: number | null, actor: Actor) {
    await reviews.addEvent({ applicationId, type: "ASSIGNED", actorId: actor.id }, tx);
    await audit.change(
      tx,
      actor,
      "application.assign",
      ["Application", applicationId],
      { assigneeId: from },
      { assigneeId: actor.id },
    );
  }

  /**
   * Each application with the other organizations that claim its Partita IVA
   * (`vatClaims`, empty when none): staff see a squatted number and resolve it
   * by rejecting the application that has no right to it.
   */
  async function withVatClaims<T extends { vatNumber: string | null; organization: { id: number } }>(apps: T[]) {
    const claims = await reviews.vatClaims([...new Set(apps.flatMap((a) => a.vatNumber ?? []))]);
    const others = (a: T): VatClaim[] =>
      claims.filter((c) => c.vatNumber === a.vatNumber && c.organization.id !== a.organization.id);
    return apps.map((a) => ({ ...a, vatClaims: others(a) }));
  }

  async function decideWithMessage(
    d: Decision,
    kind: "CHANGES_REQUESTED" | "REJECTED",
    comment: string,
  ): Promise<DecisionOutcome> {
    return transaction(async (tx) => {
      const app = await reviews.forDecision(d.applicationId, tx);
      if (!app) return { ok: false, reason: "notFound" } as const;
      const decidedAt = kind === "REJECTED" ? new Date() : null;
      if (!(await reviews.decide(app.id, d.version, { status: kind, ...(decidedAt ? { decidedAt } : {}) }, tx)))
        return conflict;
      // A rejected first application gives its Partita IVA back: the firm entitled to it can submit.
      const released =
        kind === "REJECTED" && app.kind === "INITIAL" && (await reviews.releaseVatNumber(app.organizationId, tx));
      await reviews.addEvent({ applicationId: app.id, type: kind, comment, actorId: d.actor.id }, tx);
      await audit.change(
        tx,
        d.actor,
        kind === "REJECTED" ? "application.reject" : "application.requestChanges",
        ["Application", app.id],
        { status: app.status, version: app.version },
        { status: kind, version: app.version + 1, comment, ...(released ? { vatNumberReleased: app.vatNumber } : {}) },
      );
      await outbox.enqueueAll(mails.decision(kind, app.organization, comment), tx);
      return { ok: true } as const;
    });
  }

  return {
    queues: async () => ({
      ...(await reviews.queueCounts()),
      oldest: await withVatClaims(await reviews.oldestWaiting(10)),
    }),
    async list(filters: ApplicationFilters, page = 1) {
      const found = await reviews.list(filters, page);
      return { ...found, items: await withVatClaims(found.items) };
    },
    /** Every application that matches, a batch at a time, with its conflicts: the CSV download. */
    async *batches(filters: ApplicationFilters) {
      const read = (afterId: number, take: number) => reviews.exportAfter(filters, afterId, take);
      for await (const batch of keysetBatches(read, STAFF_EXPORT_BATCH)) yield await withVatClaims(batch);
    },

    /** Everything the company sent and, for a revision, what changed against the public version. */
    async detail(id: number) {
      const app = await reviews.detail(id);
      if (!app) return null;
      const payload = readPayload(app.payload);
      const published =
        app.kind === "REVISION" && app.organization.registryStatus !== "NOT_REGISTERED"
          ? await transaction((tx) => publishedPayload(tx, app.organizationId))
          : null;
      const diff = published ? diffPayload(published, payload) : null;
      const outcomes = new Map(app.organization.measures.map((m) => [m.id, m.currentOutcome]));
      return {
        ...app,
        vatClaims: (await withVatClaims([app]))[0]?.vatClaims ?? [],
        payload,
        missing: missingItems(payload),
        diff,
        /** Classified measures that approving would send back to re-examination, with their outcome. */
        reexamined: (diff?.measures ?? []).flatMap((m) => {
          const outcome = m.measureId === undefined ? null : outcomes.get(m.measureId);
          return m.basisChanged && outcome && outcome !== "UNDER_REVIEW" ? [{ title: m.title, outcome }] : [];
        }),
      };
    },

    /**
     * "Prendi in carico": the reviewer becomes the assignee, provided the
     * assignee is still the one they saw (null: nobody). Two reviewers taking
     * the same application at once: the second is told who was first.
     */
    async assign(applicationId: number, seenAssigneeId: number | null, actor: Actor): Promise<DecisionOutcome> {
      return transaction(async (tx) => {
        const app = await reviews.forDecision(applicationId, tx);
        if (!app) return { ok: false, reason: "notFound" } as const;
        if (!(await reviews.assign(applicationId, actor.id, seenAssigneeId, tx))) {
          // Read again: the racing reviewer's change is committed by now.
          const now = await reviews.forDecision(applicationId, tx);
          return { ok: false, reason: now && now.assigneeId !== seenAssigneeId ? "taken" : "conflict" } as const;
        }
        await recordAssignment(tx, applicationId, app.assigneeId, actor);
        return { ok: true } as const;
      });
    },

    /**
     * "Prendi in carico" of several applications from the list, all or nothing:
     * each must be waiting for review (submitted or with changes requested) and
     * unassigned or already the reviewer's; taking over from a colleague is done
     * on the application's own page, on purpose.
     */
    assignMany: (ids: number[], actor: Actor) =>
      allOrNothing(transaction, ids, {
        read: (selected, tx) => reviews.forBulkAssign(selected, tx),
        refusal: (id, app) => {
          if (!app) return { id, name: `#${id}`, reason: "notFound" };
          const name = applicationName(app.payload, app.organization.name);
          if (!ASSIGNABLE.includes(app.status)) return { id, name, reason: "closed", params: { status: app.status } };
          if (app.assigneeId !== null && app.assigneeId !== actor.id)
            return { id, name, reason: "taken", params: { assignee: app.assignee?.name } };
          return null;
        },
        apply: async (app, tx) => {
          if (app.assigneeId === actor.id) return true;
          if (!(await reviews.assign(app.id, actor.id, null, tx))) return false;
          await recordAssignment(tx, app.id, null, actor);
          return true;
        },
      }),

    requestChanges: (d: Decision, comment: string) => decideWithMessage(d, "CHANGES_REQUESTED", comment),
    reject: (d: Decision, reason: string) => decideWithMessage(d, "REJECTED", reason),

    /** Publishes the payload; a first application also gets its registry number, in this transaction. */
    async approve(d: Decision): Promise<DecisionOutcome & { registryNumber?: string }> {
      return transaction(async (tx) => {
        const app = await reviews.forDecision(d.applicationId, tx);
        if (!app) return { ok: false, reason: "notFound" } as const;
        const payload = readPayload(app.payload);
        if (missingItems(payload).length) return { ok: false, reason: "incomplete" } as const;
        // Checked at draft save too, but another organization may have taken it since.
        if (
          payload.organization.vatNumber &&
          (await reviews.vatNumberTakenByOther(payload.organization.vatNumber, app.organizationId, tx))
        )
          return { ok: false, reason: "vatTaken" } as const;
        const now = new Date();
        // The lock first: a losing reviewer must not take a registry number.
        if (!(await reviews.decide(app.id, d.version, { status: "APPROVED", decidedAt: now }, tx))) return conflict;
        const before =
          app.organization.registryStatus === "NOT_REGISTERED" ? null : await publishedPayload(tx, app.organizationId);
        let registryNumber = app.organization.registryNumber ?? undefined;
        if (app.kind === "INITIAL") {
          // A number is never reused: an organization registering again keeps its own.
          registryNumber ??= await nextRegistryNumber(tx, now.getUTCFullYear());
          await reviews.markRegistered(app.organizationId, registryNumber, now, tx);
        } else {
          await reviews.markVerified(app.organizationId, now, tx);
        }
        const opened = await publishPayload(tx, app.organizationId, payload);
        // A first approval makes every measure public; a revision, those it adds or opens to citizens.
        await alerts.matchPublished(app.organizationId, app.kind === "INITIAL" ? null : opened, now, tx);
        await reviews.addEvent({ applicationId: app.id, type: "APPROVED", actorId: d.actor.id }, tx);
        await audit.change(
          tx,
          d.actor,
          "application.approve",
          ["Application", app.id],
          { status: app.status, version: app.version, published: before },
          { status: "APPROVED", version: app.version + 1, registryNumber, published: payload },
        );
        await outbox.enqueueAll(mails.decision("APPROVED", app.organization, registryNumber ?? ""), tx);
        return { ok: true, registryNumber } as const;
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
