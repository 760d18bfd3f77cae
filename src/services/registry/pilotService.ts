import type { PilotRepository, PilotState } from "../../data/registry/pilotRepository.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";

/** Pilots shown on one page of /sperimentazioni. */
export const PILOTS_PAGE_SIZE = 20;

/**
 * The register's pilots ("dispositivi da sperimentare"): a list to browse and
 * its figures. The figures are computed once per version of the register
 * (shared/versionedMemo.ts), so they are exact after any change and never
 * recounted per request; a page of the list reads at most 20 rows by an index.
 */
export function createPilotService(pilots: PilotRepository, version: () => Promise<string>) {
  const figures = createVersionedMemo(() => pilots.figures());
  return {
    figures: async () => figures.get(await version()),
    async page(state: PilotState | undefined, page: number) {
      const { items, total } = await pilots.page(state, (page - 1) * PILOTS_PAGE_SIZE, PILOTS_PAGE_SIZE);
      return { items, total, page, pages: Math.max(1, Math.ceil(total / PILOTS_PAGE_SIZE)) };
    },
  };
}

export type PilotService = ReturnType<typeof createPilotService>;
