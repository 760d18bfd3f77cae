import type { Role } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";

const staffRoles: Role[] = ["REVIEWER", "ADMIN"];
const select = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;

/** Staff accounts (reviewers and admins); company accounts are in accountRepository.ts. */
export function createStaffRepository(db: Db) {
  return {
    /** With what the list shows: an invitation not yet accepted, a second factor not yet set up. */
    list() {
      return db.user.findMany({
        where: { role: { in: staffRoles } },
        select: { ...select, emailVerifiedAt: true, twoFactor: { select: { confirmedAt: true } } },
        orderBy: [{ active: "desc" }, { name: "asc" }],
      });
    },

    find(id: number, tx: Db = db) {
      return tx.user.findFirst({ where: { id, role: { in: staffRoles } }, select });
    },

    emailTaken(email: string, tx: Db = db) {
      return tx.user.count({ where: { email } }).then((n) => n > 0);
    },

    /** `emailVerifiedAt` null: invited, the address is proven when the invitation is accepted. */
    create(
      data: {
        email: string;
        name: string;
        role: Role;
        passwordHash: string;
        language?: string;
        emailVerifiedAt: Date | null;
      },
      tx: Db = db,
    ) {
      return tx.user.create({ data, select });
    },

    update(id: number, data: { role: Role; active: boolean }, tx: Db = db) {
      return tx.user.update({ where: { id }, data, select });
    },

    countActiveAdmins(tx: Db = db) {
      return tx.user.count({ where: { role: "ADMIN", active: true } });
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
