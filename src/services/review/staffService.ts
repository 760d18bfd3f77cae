import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { StaffRepository } from "../../data/review/staffRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { hashPassword } from "../accounts/passwords.js";
import type { Actor } from "./reviewService.js";

export type StaffRole = "REVIEWER" | "ADMIN";
export type StaffOutcome = { ok: true; id: number } | { ok: false; reason: "emailTaken" | "notFound" | "lastAdmin" };

/** Staff accounts, managed by admins at /admin/utenti and by `npm run admin:create`. */
export function createStaffService(deps: {
  staff: StaffRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
}) {
  const { staff, audit, transaction } = deps;
  return {
    list: () => staff.list(),

    async create(
      actor: Actor | null,
      input: { email: string; name: string; role: StaffRole; password: string },
    ): Promise<StaffOutcome> {
      const passwordHash = await hashPassword(input.password);
      return transaction(async (tx) => {
        if (await staff.emailTaken(input.email, tx)) return { ok: false, reason: "emailTaken" } as const;
        const user = await staff.create({ email: input.email, name: input.name, role: input.role, passwordHash }, tx);
        await audit.change(tx, actor, "user.create", ["User", user.id], undefined, {
          email: user.email,
          name: user.name,
          role: user.role,
        });
        return { ok: true, id: user.id } as const;
      });
    },

    /** Role and active flag; the last active admin can neither be demoted nor deactivated. */
    async update(id: number, actor: Actor, data: { role: StaffRole; active: boolean }): Promise<StaffOutcome> {
      return transaction(async (tx) => {
        const user = await staff.find(id, tx);
        if (!user) return { ok: false, reason: "notFound" } as const;
        const losesAdmin = user.role === "ADMIN" && user.active && (data.role !== "ADMIN" || !data.active);
        if (losesAdmin && (await staff.countActiveAdmins(tx)) <= 1) return { ok: false, reason: "lastAdmin" } as const;
        await staff.update(id, data, tx);
        await audit.change(tx, actor, "user.update", ["User", id], { role: user.role, active: user.active }, data);
        return { ok: true, id } as const;
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
