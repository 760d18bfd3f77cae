import type { Db } from "../shared/db.js";

const select = {
  id: true,
  email: true,
  name: true,
  active: true,
  emailVerifiedAt: true,
  createdAt: true,
  localAuthorityComuni: {
    select: { comune: { select: { istatCode: true, name: true } } },
    orderBy: { comune: { name: "asc" } },
  },
} as const;

/** A local authority's account with its comuni as a plain list. */
function withComuni<T extends { localAuthorityComuni: { comune: { istatCode: string; name: string } }[] }>(user: T) {
  const { localAuthorityComuni, ...rest } = user;
  return { ...rest, comuni: localAuthorityComuni.map((c) => c.comune) };
}

/** Accounts of local authorities (role LOCAL_AUTHORITY) and the comuni each speaks for. */
export function createLocalAuthorityRepository(db: Db) {
  return {
    async list() {
      const users = await db.user.findMany({
        where: { role: "LOCAL_AUTHORITY" },
        select,
        orderBy: [{ active: "desc" }, { name: "asc" }],
      });
      return users.map(withComuni);
    },

    async find(id: number, tx: Db = db) {
      const user = await tx.user.findFirst({ where: { id, role: "LOCAL_AUTHORITY" }, select });
      return user && withComuni(user);
    },

    /** The territory of an active local authority's account, by name (empty for anyone else). */
    territory(userId: number) {
      return db.comune.findMany({
        where: { localAuthorities: { some: { userId, user: { role: "LOCAL_AUTHORITY", active: true } } } },
        select: { istatCode: true, name: true },
        orderBy: { name: "asc" },
      });
    },

    /** `emailVerifiedAt` null: invited, the address is proven when the invitation is accepted. */
    create(
      data: { email: string; name: string; language: string; passwordHash: string },
      comuneCodes: string[],
      tx: Db = db,
    ) {
      return tx.user.create({
        data: {
          ...data,
          role: "LOCAL_AUTHORITY",
          localAuthorityComuni: { create: comuneCodes.map((comuneCode) => ({ comuneCode })) },
        },
        select: { id: true, name: true, email: true },
      });
    },

    /** The account's comuni become exactly `comuneCodes`. */
    async update(id: number, data: { active: boolean; comuneCodes: string[] }, tx: Db = db) {
      await tx.user.update({ where: { id }, data: { active: data.active } });
      await tx.localAuthorityComune.deleteMany({ where: { userId: id, comuneCode: { notIn: data.comuneCodes } } });
      await tx.localAuthorityComune.createMany({
        data: data.comuneCodes.map((comuneCode) => ({ userId: id, comuneCode })),
        skipDuplicates: true,
      });
    },
  };
}

export type LocalAuthorityRepository = ReturnType<typeof createLocalAuthorityRepository>;
