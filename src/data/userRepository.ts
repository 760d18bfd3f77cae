import type { Db } from "./searchIndexRepository.js";

const sessionUserFields = { id: true, email: true, name: true, role: true, organizationId: true } as const;

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
