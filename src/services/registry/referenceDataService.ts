import type { ComuneRepository } from "../../data/registry/comuneRepository.js";

type Comuni = Awaited<ReturnType<ComuneRepository["listAll"]>>;
type AtecoSections = Awaited<ReturnType<ComuneRepository["listAtecoSections"]>>;

/** The 55 comuni and the ATECO sections change by law, not by use: read once, then kept. */
export function createReferenceDataService(repository: ComuneRepository) {
  let cache: Promise<{ comuni: Comuni; byCode: Map<string, Comuni[number]>; ateco: AtecoSections }> | undefined;
  const load = () => {
    cache ??= Promise.all([repository.listAll(), repository.listAtecoSections()]).then(([comuni, ateco]) => ({
      comuni,
      byCode: new Map(comuni.map((c) => [c.istatCode, c])),
      ateco,
    }));
    cache.catch(() => (cache = undefined));
    return cache;
  };
  return { load };
}

export type ReferenceDataService = ReturnType<typeof createReferenceDataService>;
