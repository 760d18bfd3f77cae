import type { Db } from "../shared/db.js";

/**
 * What the register holds about one user, for the download at /account/dati:
 * every query is bounded by the user's id, their organization or their own
 * e-mail address, so another person's data cannot slip in.
 */
export function createPersonalDataRepository(db: Db) {
  return {
    /** The account (never its password hash), its organization with its applications, a local authority's comuni. */
    account(userId: number) {
      return db.user.findUnique({
        where: { id: userId },
        omit: { passwordHash: true },
        include: {
          // a local authority's territory
          localAuthorityComuni: { select: { comuneCode: true } },
          organization: {
            omit: { measureFacts: true },
            include: {
              applications: {
                orderBy: { id: "asc" },
                include: {
                  events: { orderBy: { id: "asc" }, select: { type: true, comment: true, createdAt: true } },
                },
              },
            },
          },
        },
      });
    },

    /** The activity register's entries of what the user did. */
    auditEntries(userId: number) {
      return db.auditEntry.findMany({
        where: { actorId: userId },
        orderBy: { id: "asc" },
        select: {
          id: true,
          action: true,
          entityType: true,
          entityId: true,
          before: true,
          after: true,
          createdAt: true,
        },
      });
    },

    /** Advice requests sent from the user's address (the staff's internal notes and assignee are not theirs). */
    adviceRequests(email: string) {
      return db.adviceRequest.findMany({
        where: { email },
        orderBy: { id: "asc" },
        select: {
          referenceCode: true,
          name: true,
          email: true,
          comuneCode: true,
          topic: true,
          message: true,
          language: true,
          consentAt: true,
          status: true,
          answer: true,
          answeredAt: true,
          createdAt: true,
        },
      });
    },
  };
}

export type PersonalDataRepository = ReturnType<typeof createPersonalDataRepository>;
