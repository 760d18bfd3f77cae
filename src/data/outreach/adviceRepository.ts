import type { Prisma } from "../../generated/prisma/client.js";
import type { AdviceStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import { adviceReferencePattern } from "../../domain/referenceCode.js";
import type { Db } from "../shared/db.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";

export interface NewAdviceRequest {
  referenceCode: string;
  name: string;
  email: string;
  comuneCode: string;
  topic: MeasureCategory;
  message: string;
  language: string;
  consentAt: Date;
  withdrawalTokenHash?: string;
}

/** What erasing a request's personal data writes: topic, comune, status and dates stay for the statistics. */
const erased = { name: "", email: "", message: "", answer: null, internalNotes: "" };

export interface AdviceFilters {
  /** A reference code: a whole one finds that request only (unique index), a part any that contain it. */
  reference?: string | undefined;
  topic?: MeasureCategory | undefined;
  comuneCode?: string | undefined;
  status?: AdviceStatus | undefined;
}

const listInclude = { comune: { select: { name: true } }, assignee: { select: { name: true } } } as const;

function adviceWhere(f: AdviceFilters): Prisma.AdviceRequestWhereInput {
  const reference = f.reference?.toUpperCase();
  return {
    // A part of a code scans the requests: they are few (kept 24 months at most).
    ...(reference
      ? { referenceCode: adviceReferencePattern.test(reference) ? reference : { contains: reference } }
      : {}),
    ...(f.topic ? { topic: f.topic } : {}),
    ...(f.comuneCode ? { comuneCode: f.comuneCode } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

/** Citizens' questions to the advisory service and the staff's handling of them. */
export function createAdviceRepository(db: Db) {
  return {
    create(data: NewAdviceRequest, tx: Db = db) {
      return tx.adviceRequest.create({ data });
    },
    referenceTaken(referenceCode: string, tx: Db = db) {
      return tx.adviceRequest.count({ where: { referenceCode } }).then((n) => n > 0);
    },
    /** One page of the requests (newest first) and their total. */
    async list(filters: AdviceFilters, page = 1) {
      const where = adviceWhere(filters);
      const [total, items] = await Promise.all([
        db.adviceRequest.count({ where }),
        db.adviceRequest.findMany({
          where,
          include: listInclude,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },
    /** The requests that match after an id, in id order: the CSV download (keysetBatches.ts). */
    exportAfter(f: AdviceFilters, afterId: number, take: number) {
      return db.adviceRequest.findMany({ ...keysetWindow(adviceWhere(f), afterId, take), include: listInclude });
    },
    find(id: number, tx: Db = db) {
      return tx.adviceRequest.findUnique({
        where: { id },
        include: { comune: { select: { name: true } }, assignee: { select: { id: true, name: true } } },
      });
    },
    /** Who a request may be assigned to: active staff, and its current assignee (alsoId) even if deactivated. */
    staff(alsoId: number | null = null) {
      return db.user.findMany({
        where: {
          OR: [{ role: { in: ["REVIEWER", "ADMIN"] }, active: true }, ...(alsoId === null ? [] : [{ id: alsoId }])],
        },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
    },
    isActiveStaff(id: number, tx: Db = db) {
      return tx.user.count({ where: { id, role: { in: ["REVIEWER", "ADMIN"] }, active: true } }).then((n) => n > 0);
    },
    /** False when the citizen withdrew consent meanwhile, as answer(). */
    async update(
      id: number,
      data: { status: AdviceStatus; assigneeId: number | null; internalNotes: string },
      tx: Db = db,
    ) {
      const { count } = await tx.adviceRequest.updateMany({ where: { id, withdrawnAt: null }, data });
      return count === 1;
    },
    /** False when the citizen withdrew consent meanwhile (the condition waits for their transaction). */
    async answer(id: number, data: { answer: string; answeredAt: Date; assigneeId: number }, tx: Db = db) {
      const { count } = await tx.adviceRequest.updateMany({
        where: { id, withdrawnAt: null },
        data: { ...data, status: "ANSWERED" },
      });
      return count === 1;
    },
    /** The request a withdrawal link stands for, without its personal data. */
    findByWithdrawalToken(tokenHash: string, tx: Db = db) {
      return tx.adviceRequest.findUnique({
        where: { withdrawalTokenHash: tokenHash },
        select: {
          id: true,
          referenceCode: true,
          email: true,
          topic: true,
          status: true,
          createdAt: true,
          withdrawnAt: true,
        },
      });
    },
    /**
     * Erases the request's personal data once: false when it was already
     * withdrawn (the condition makes a double click harmless).
     */
    async withdraw(id: number, status: AdviceStatus, tx: Db = db) {
      const { count } = await tx.adviceRequest.updateMany({
        where: { id, withdrawnAt: null },
        data: { ...erased, status, withdrawnAt: new Date() },
      });
      return count === 1;
    },
  };
}

export type AdviceRepository = ReturnType<typeof createAdviceRepository>;
