import type { LocalAuthorityRepository } from "../../data/localAuthority/localAuthorityRepository.js";
import type { StaffRepository } from "../../data/review/staffRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { unusablePasswordHash } from "../accounts/passwords.js";
import { sendInvitation, type InvitationDeps } from "../accounts/userTokens.js";
import { requireAdmin, type StaffActor } from "../shared/requireAdmin.js";

export type LocalAuthorityOutcome =
  { ok: true; id: number } | { ok: false; reason: "emailTaken" | "notFound" | "unknownComune" };
export interface LocalAuthorityInput {
  comuneCodes: string[];
}

/**
 * Accounts of local authorities (LOCAL_AUTHORITY), managed by admins at
 * /admin/enti: invited like staff (the officer chooses their own password from
 * the e-mailed link), bound to the comuni they speak for, deactivated when
 * they leave. A second factor is optional for them, as for companies: their
 * area shows public data of the register and counts, never a person's data.
 */
export function createLocalAuthorityService(deps: {
  localAuthorities: LocalAuthorityRepository;
  staff: StaffRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  invitations: InvitationDeps;
  /** The ISTAT codes of the 55 comuni (reference data). */
  comuneCodes: () => Promise<Set<string>>;
}) {
  const { localAuthorities, staff, audit, transaction, invitations } = deps;
  const allKnown = async (codes: string[]) => {
    const known = await deps.comuneCodes();
    return codes.length > 0 && codes.every((c) => known.has(c));
  };

  return {
    list: () => localAuthorities.list(),
    find: (id: number) => localAuthorities.find(id),
    /** The comuni of an active local authority's account, by name: the only data its area shows. */
    territory: (userId: number) => localAuthorities.territory(userId),

    /** `language`: the admin's, in which the invitation is written. */
    async invite(
      actor: StaffActor,
      input: LocalAuthorityInput & { name: string; email: string; language: string },
    ): Promise<LocalAuthorityOutcome> {
      requireAdmin(actor);
      if (!(await allKnown(input.comuneCodes))) return { ok: false, reason: "unknownComune" };
      const { comuneCodes, ...fields } = input;
      const passwordHash = await unusablePasswordHash();
      return transaction(async (tx) => {
        if (await staff.emailTaken(input.email, tx)) return { ok: false, reason: "emailTaken" } as const;
        const user = await localAuthorities.create({ ...fields, passwordHash }, comuneCodes, tx);
        await audit.change(tx, actor, "user.invite", ["User", user.id], undefined, {
          email: user.email,
          name: user.name,
          role: "LOCAL_AUTHORITY",
          comuni: comuneCodes,
        });
        await sendInvitation(
          invitations,
          tx,
          { ...user, language: input.language },
          actor.name,
          "localAuthority.mail.invite",
        );
        return { ok: true, id: user.id } as const;
      });
    },

    /** Its comuni and whether it is active; a deactivated account's sessions end at its next request. */
    async update(
      id: number,
      actor: StaffActor,
      data: LocalAuthorityInput & { active: boolean },
    ): Promise<LocalAuthorityOutcome> {
      requireAdmin(actor);
      if (!(await allKnown(data.comuneCodes))) return { ok: false, reason: "unknownComune" };
      return transaction(async (tx) => {
        const before = await localAuthorities.find(id, tx);
        if (!before) return { ok: false, reason: "notFound" } as const;
        await localAuthorities.update(id, data, tx);
        await audit.change(
          tx,
          actor,
          "user.update",
          ["User", id],
          { active: before.active, comuni: before.comuni.map((c) => c.istatCode) },
          { active: data.active, comuni: data.comuneCodes },
        );
        return { ok: true, id } as const;
      });
    },
  };
}

export type LocalAuthorityService = ReturnType<typeof createLocalAuthorityService>;
