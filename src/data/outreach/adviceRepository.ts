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
}

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
    update(id: number, data: { status: AdviceStatus; assigneeId: number | null; internalNotes: string }, tx: Db = db) {
      return tx.adviceRequest.update({ where: { id }, data });
    },
    answer(id: number, data: { answer: string; answeredAt: Date; assigneeId: number }, tx: Db = db) {
      return tx.adviceRequest.update({ where: { id }, data: { ...data, status: "ANSWERED" } });
    },
  };
}

export type AdviceRepository = ReturnType<typeof createAdviceRepository>;
