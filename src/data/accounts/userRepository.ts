import type { Db } from "../shared/db.js";

const sessionUserFields = { id: true, email: true, name: true, role: true, organizationId: true } as const;

/** Users as the login and the session see them. */
export function createUserRepository(db: Db) {
  return {
    findSessionUser(id: number) {
      return db.user.findFirst({ where: { id, active: true }, select: sessionUserFields });
    },
    findByEmail(email: string) {
      return db.user.findUnique({ where: { email: email.toLowerCase() } });
    },
    setLanguage(id: number, language: string) {
      return db.user.update({ where: { id }, data: { language }, select: { id: true } });
    },
    /** The failed-login counter and the lock it may set (both null/0 to clear). */
    setFailedLogins(id: number, failedLogins: number, lockedUntil: Date | null) {
      return db.user.update({ where: { id }, data: { failedLogins, lockedUntil } });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
