import type { Db } from "../shared/db.js";

export function createComuneRepository(db: Db) {
  return {
    listAll() {
      return db.comune.findMany({ orderBy: { name: "asc" } });
    },
    listAtecoSections() {
      return db.atecoSection.findMany({ orderBy: { code: "asc" } });
    },
  };
}

export type ComuneRepository = ReturnType<typeof createComuneRepository>;
