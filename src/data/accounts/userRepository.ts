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
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
