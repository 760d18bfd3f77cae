import { companyUsersAsRecipients } from "../shared/outboxRepository.js";
import type {
  ApplicationKind,
  ApplicationStatus,
  MeasureCategory,
  Prisma,
  RegistryStatus,
} from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";
import { typedVatNumber } from "../../domain/vatNumber.js";
import { organizationMatching } from "./staffSearch.js";

export interface ApplicationFilters {
  status?: ApplicationStatus | undefined;
  kind?: ApplicationKind | undefined;
  comuneCode?: string | undefined;
  category?: MeasureCategory | undefined;
  assigneeId?: number | "none" | undefined;
  /** Waiting at least this many days since submission. */
  waitingDays?: number | undefined;
  /** The organization's name (a part of it), registry number or Partita IVA (staffSearch.ts). */
  text?: string | undefined;
}

/** Waiting for a reviewer: the applications "prendi in carico" applies to. */
export const ASSIGNABLE: ApplicationStatus[] = ["SUBMITTED", "CHANGES_REQUESTED"];

/** An organization that claims a Partita IVA, and how: holding it, or with an open application. */
export interface VatClaim {
  vatNumber: string;
  organization: { id: number; name: string; registryStatus: RegistryStatus };
  holds: boolean;
  application: { id: number; status: ApplicationStatus } | null;
}

const listSelect = {
  id: true,
  kind: true,
  status: true,
  submittedAt: true,
  version: true,
  payload: true,
  vatNumber: true,
  organization: { select: { id: true, name: true, slug: true, registryStatus: true, registryNumber: true } },
  assignee: { select: { id: true, name: true } },
} as const;

function whereOf(f: ApplicationFilters): Prisma.ApplicationWhereInput {
  const where: Prisma.ApplicationWhereInput[] = [{ status: f.status ?? { not: "DRAFT" } }];
  if (f.kind) where.push({ kind: f.kind });
  // The payload is JSON: comune and categories are read from it with JSON path filters.
  if (f.comuneCode) where.push({ payload: { path: ["organization", "comuneCode"], equals: f.comuneCode } });
  if (f.category) where.push({ payload: { path: ["measures"], array_contains: [{ category: f.category }] } });
  if (f.assigneeId === "none") where.push({ assigneeId: null });
  else if (f.assigneeId !== undefined) where.push({ assigneeId: f.assigneeId });
  if (f.waitingDays !== undefined)
    where.push({ submittedAt: { lte: new Date(Date.now() - f.waitingDays * 86_400_000) } });
  if (f.text) {
    // The application's own number too: a draft's or a revision's may differ from the one held.
    const vatNumber = typedVatNumber(f.text);
    where.push({ OR: [{ organization: organizationMatching(f.text) }, ...(vatNumber ? [{ vatNumber }] : [])] });
  }
  return { AND: where };
}

/** Applications as staff see them; the company side (companyRepository.ts) writes drafts and submissions. */
export function createReviewRepository(db: Db) {
  return {
    /** One page of the applications that match, oldest submission first, and their total. */
    async list(filters: ApplicationFilters, page = 1) {
      const where = whereOf(filters);
      const [total, items] = await Promise.all([
        db.application.count({ where }),
        db.application.findMany({
          where,
          select: listSelect,
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    /** The applications that match after an id, in id order: the CSV download (keysetBatches.ts). */
    exportAfter(filters: ApplicationFilters, afterId: number, take: number) {
      return db.application.findMany({ ...keysetWindow(whereOf(filters), afterId, take), select: listSelect });
    },

    async queueCounts() {
      const rows = await db.application.groupBy({
        by: ["status", "kind"],
        _count: { _all: true },
        where: { status: { in: ["SUBMITTED", "CHANGES_REQUESTED"] } },
      });
      const count = (status: ApplicationStatus, kind?: string) =>
        rows.filter((r) => r.status === status && (!kind || r.kind === kind)).reduce((n, r) => n + r._count._all, 0);
      return {
        submitted: count("SUBMITTED"),
        changesRequested: count("CHANGES_REQUESTED"),
        revisions: count("SUBMITTED", "REVISION"),
      };
    },

    /** Submitted applications waiting longest: the dashboard's last queue. */
    oldestWaiting(take: number) {
      return db.application.findMany({
        where: { status: "SUBMITTED" },
        select: listSelect,
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        take,
      });
    },

    detail(id: number) {
      return db.application.findUnique({
        where: { id },
        include: {
          organization: {
            select: {
              id: true,
              name: true,
              slug: true,
              registryStatus: true,
              registryNumber: true,
              // what a revision would send back to re-examination (payloadDiff.ts)
              measures: { select: { id: true, currentOutcome: true } },
            },
          },
          assignee: { select: { id: true, name: true } },
          events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
        },
      });
    },

    forDecision(id: number, tx: Db = db) {
      return tx.application.findUnique({
        where: { id },
        include: {
          organization: {
            include: { users: companyUsersAsRecipients },
          },
        },
      });
    },

    /** The optimistic lock: changes the row only if nobody moved it since `version`. */
    async decide(id: number, version: number, data: Prisma.ApplicationUpdateManyMutationInput, tx: Db = db) {
      const { count } = await tx.application.updateMany({
        where: { id, version, status: "SUBMITTED" },
        data: { ...data, version: { increment: 1 } },
      });
      return count === 1;
    },

    /** What a bulk "prendi in carico" checks of each selected application. */
    forBulkAssign(ids: number[], tx: Db = db) {
      return tx.application.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          status: true,
          assigneeId: true,
          payload: true,
          organization: { select: { name: true } },
          assignee: { select: { name: true } },
        },
      });
    },

    /** Only while open and still assigned to `seenAssigneeId`: the update is the lock. */
    async assign(id: number, assigneeId: number, seenAssigneeId: number | null, tx: Db = db) {
      const { count } = await tx.application.updateMany({
        where: { id, assigneeId: seenAssigneeId, status: { in: ASSIGNABLE } },
        data: { assigneeId },
      });
      return count === 1;
    },

    addEvent(data: Prisma.ApplicationEventUncheckedCreateInput, tx: Db = db) {
      return tx.applicationEvent.create({ data });
    },

    markRegistered(organizationId: number, registryNumber: string, at: Date, tx: Db = db) {
      return tx.organization.update({
        where: { id: organizationId },
        data: { registryStatus: "REGISTERED", registryNumber, registeredAt: at, lastVerifiedAt: at },
      });
    },

    markVerified(organizationId: number, at: Date, tx: Db = db) {
      return tx.organization.update({ where: { id: organizationId }, data: { lastVerifiedAt: at } });
    },

    async vatNumberTakenByOther(vatNumber: string, organizationId: number, tx: Db = db) {
      return (await tx.organization.count({ where: { vatNumber, id: { not: organizationId } } })) > 0;
    },

    /** A never-registered organization whose first application is rejected gives its Partita IVA back. */
    async releaseVatNumber(organizationId: number, tx: Db = db) {
      const { count } = await tx.organization.updateMany({
        where: { id: organizationId, registryStatus: "NOT_REGISTERED", vatNumber: { not: null } },
        data: { vatNumber: null },
      });
      return count === 1;
    },

    /**
     * Every organization that claims one of these Partite IVA: it holds the
     * number (registered, or first application submitted), or carries it in an
     * open application (a draft too). Two indexed look-ups, whatever the list.
     */
    async vatClaims(vatNumbers: string[]): Promise<VatClaim[]> {
      if (vatNumbers.length === 0) return [];
      const organization = { select: { id: true, name: true, registryStatus: true } } as const;
      const [holders, applications] = await Promise.all([
        db.organization.findMany({
          where: { vatNumber: { in: vatNumbers } },
          select: { ...organization.select, vatNumber: true },
        }),
        db.application.findMany({
          where: { vatNumber: { in: vatNumbers }, status: { in: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] } },
          select: { id: true, status: true, vatNumber: true, organization },
          orderBy: { id: "asc" },
        }),
      ]);
      const claims = new Map<string, VatClaim>();
      for (const { vatNumber, ...o } of holders)
        claims.set(`${vatNumber}/${o.id}`, { vatNumber: vatNumber!, organization: o, holds: true, application: null });
      for (const a of applications) {
        const key = `${a.vatNumber}/${a.organization.id}`;
        const claim = claims.get(key) ?? {
          vatNumber: a.vatNumber!,
          organization: a.organization,
          holds: false,
          application: null,
        };
        claims.set(key, { ...claim, application: { id: a.id, status: a.status } });
      }
      return [...claims.values()];
    },
  };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
