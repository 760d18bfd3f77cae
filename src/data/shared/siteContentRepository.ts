import type { Db } from "./db.js";

/** The texts admins edit at /admin/impostazioni (the Pact, the project page), by key, in both languages. */
export function createSiteContentRepository(db: Db) {
  return {
    find(key: string, tx: Db = db) {
      return tx.siteContent.findUnique({ where: { key } });
    },

    /** Several keys at once, for a page that shows them together. */
    findMany(keys: string[]) {
      return db.siteContent.findMany({ where: { key: { in: keys } } });
    },

    save(key: string, bodyIt: string, bodyEn: string, updatedById: number, tx: Db = db) {
      return tx.siteContent.upsert({
        where: { key },
        create: { key, bodyIt, bodyEn, updatedById },
        update: { bodyIt, bodyEn, updatedById },
      });
    },
  };
}

export type SiteContentRepository = ReturnType<typeof createSiteContentRepository>;
