import type { TokenPurpose } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";
import type { Recipient } from "../shared/outboxRepository.js";

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  organizationId?: number | null;
  privacyAcceptedAt?: Date | null;
  /** The site's language when the account was made ("it" or "en"): its e-mails are in it. */
  language?: string;
}

/** Users and their single-use tokens (only the SHA-256 of a token is stored). */
export function createAccountRepository(db: Db) {
  return {
    findById(id: number, tx: Db = db) {
      return tx.user.findUnique({ where: { id } });
    },
    findByEmail(email: string, tx: Db = db) {
      return tx.user.findUnique({ where: { email } });
    },
    findWithOrganization(id: number, tx: Db = db) {
      return tx.user.findUnique({ where: { id }, include: { organization: { select: { id: true, name: true } } } });
    },
    createUser(user: NewUser, tx: Db = db) {
      const { email, name, passwordHash, organizationId, privacyAcceptedAt, language } = user;
      return tx.user.create({
        data: { email, name, passwordHash, organizationId, privacyAcceptedAt, language, role: "COMPANY" },
      });
    },
    updateUser(
      id: number,
      data: {
        passwordHash?: string;
        email?: string;
        name?: string;
        active?: boolean;
        emailVerifiedAt?: Date | null;
        privacyAcceptedAt?: Date | null;
        organizationId?: number | null;
        language?: string;
      },
      tx: Db = db,
    ) {
      return tx.user.update({ where: { id }, data });
    },
    colleagues(organizationId: number) {
      return db.user.findMany({
        where: { organizationId, role: "COMPANY" },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, emailVerifiedAt: true, active: true },
      });
    },
    /**
     * Locks the organization's row until the transaction ends, so that changes
     * to its accounts happen one after the other; its name, or null.
     */
    async lockOrganization(organizationId: number, tx: Db) {
      const rows = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
      return rows[0] ?? null;
    },
    /** Active accounts of an organization other than `exceptId`. */
    countOtherActiveMembers(organizationId: number, exceptId: number, tx: Db = db) {
      return tx.user.count({ where: { organizationId, active: true, id: { not: exceptId } } });
    },
    /**
     * Signs the user out everywhere: deletes their rows of connect-pg-simple's
     * table (the session JSON holds passport's user id). No index on it: a rare
     * write, and the table holds only live sessions.
     */
    /** Ends every session of the user (in PostgreSQL, so on every instance) but `except`, a session id. */
    endSessions(userId: number, tx: Db = db, except = "") {
      return tx.$executeRaw`DELETE FROM "session" WHERE sess -> 'passport' ->> 'user' = ${String(userId)} AND sid <> ${except}`;
    },
    /** Every link sent to the user (an invitation, a change of address) stops working. */
    deleteTokens(userId: number, tx: Db = db) {
      return tx.userToken.deleteMany({ where: { userId } });
    },
    /** The verified, active accounts of an organization, as recipients of its e-mails. */
    organizationRecipients(organizationId: number, tx: Db = db): Promise<Recipient[]> {
      return tx.user.findMany({
        where: { organizationId, active: true, emailVerifiedAt: { not: null } },
        select: { email: true, language: true },
      });
    },
    /** Every active REVIEWER and ADMIN, as recipients. */
    staffRecipients(tx: Db = db): Promise<Recipient[]> {
      return tx.user.findMany({
        where: { role: { in: ["REVIEWER", "ADMIN"] }, active: true },
        select: { email: true, language: true },
      });
    },

    createToken(
      token: { userId: number; purpose: TokenPurpose; tokenHash: string; expiresAt: Date; data?: { email: string } },
      tx: Db = db,
    ) {
      return tx.userToken.create({ data: token });
    },
    /** Marks a valid token used and returns it; null when unknown, used, expired or of another purpose. */
    async consumeToken(tokenHash: string, purposes: TokenPurpose[], tx: Db = db) {
      const token = await tx.userToken.findUnique({ where: { tokenHash } });
      if (!token || !purposes.includes(token.purpose) || token.usedAt || token.expiresAt <= new Date()) return null;
      // The conditional update makes the token single-use even under concurrent clicks.
      const used = await tx.userToken.updateMany({
        where: { id: token.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      return used.count === 1 ? token : null;
    },
    findValidToken(tokenHash: string, purpose: TokenPurpose) {
      return db.userToken.findFirst({ where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } } });
    },
    expireTokens(userId: number, purpose: TokenPurpose, tx: Db = db) {
      return tx.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
