import type { AdviceStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";
import { pageWindow, staffPage } from "../../domain/staffPaging.js";

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
    async list(status: AdviceStatus | undefined, page = 1) {
      const where = status ? { status } : {};
      const [total, items] = await Promise.all([
        db.adviceRequest.count({ where }),
        db.adviceRequest.findMany({
          where,
          include: { comune: { select: { name: true } }, assignee: { select: { name: true } } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
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
