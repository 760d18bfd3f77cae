import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { StaffRepository } from "../../data/review/staffRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { hashPassword, unusablePasswordHash } from "../accounts/passwords.js";
import { sendInvitation, type InvitationDeps } from "../accounts/userTokens.js";
import type { Actor } from "./reviewService.js";
import { requireAdmin, type StaffActor } from "../shared/requireAdmin.js";

export type StaffRole = "REVIEWER" | "ADMIN";
export type StaffOutcome = { ok: true; id: number } | { ok: false; reason: "emailTaken" | "notFound" | "lastAdmin" };
type NewStaff = { email: string; name: string; role: StaffRole };

/**
 * Staff accounts, managed by admins at /admin/utenti (by invitation) and by
 * `npm run admin:create` (the first admin, with a password typed on the server).
 */
export function createStaffService(deps: {
  staff: StaffRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  /** For invitations only: the CLI creates with a password and needs none of these. */
  invitations?: InvitationDeps;
}) {
  const { staff, audit, transaction, invitations } = deps;

  /** A new staff account, audited; `then` runs in the same transaction (the invitation). */
  async function create(
    actor: Actor | null,
    input: NewStaff & { passwordHash: string; emailVerifiedAt: Date | null; language?: string },
    then?: (user: { id: number; name: string; email: string }, tx: Db) => Promise<unknown>,
  ): Promise<StaffOutcome> {
    return transaction(async (tx) => {
      if (await staff.emailTaken(input.email, tx)) return { ok: false, reason: "emailTaken" } as const;
      const user = await staff.create(input, tx);
      const { email, name, role } = user;
      const action = input.emailVerifiedAt ? "user.create" : "user.invite";
      await audit.change(tx, actor, action, ["User", user.id], undefined, { email, name, role });
      await then?.(user, tx);
      return { ok: true, id: user.id } as const;
    });
  }

  return {
    list: () => staff.list(),
    find: (id: number) => staff.find(id),

    /** With a password chosen on the server's terminal (`npm run admin:create`). */
    async create(actor: Actor | null, input: NewStaff & { password: string }): Promise<StaffOutcome> {
      const { password, ...fields } = input;
      return create(actor, { ...fields, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() });
    },

    /**
     * An admin invites a colleague: the account has no usable password until
     * the colleague follows the e-mailed link (/invito/:token), chooses one and
     * sets up the second factor. `language`: the admin's, in which the e-mail is written.
     */
    async invite(actor: StaffActor, input: NewStaff & { language: string }): Promise<StaffOutcome> {
      requireAdmin(actor);
      if (!invitations) throw new Error("the staff service was built without invitations");
      const passwordHash = await unusablePasswordHash();
      return create(actor, { ...input, passwordHash, emailVerifiedAt: null }, (user, tx) =>
        sendInvitation(invitations, tx, { ...user, language: input.language }, actor.name, "accounts.mail.staffInvite"),
      );
    },

    /** Role and active flag; the last active admin can neither be demoted nor deactivated. */
    async update(id: number, actor: StaffActor, data: { role: StaffRole; active: boolean }): Promise<StaffOutcome> {
      requireAdmin(actor);
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
