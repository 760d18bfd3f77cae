import { Router } from "express";
import { z } from "zod";
import type { PilotState } from "../../data/registry/pilotRepository.js";
import type { Services } from "../../services/index.js";

/** The list's filter in the URL (Italian words) and the state it stands for. */
const STATES = { "in-corso": "ongoing", concluse: "concluded" } as const satisfies Record<string, PilotState>;

/** Links only (no form): anything else in these two parameters is a malformed request. */
const pilotsQuery = z.object({
  stato: z.enum(Object.keys(STATES) as [keyof typeof STATES]).optional(),
  pagina: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1))
    .optional(),
});

/** /sperimentazioni: the pilots of new welfare measures, their figures, outcomes and lessons. */
export function pilotRoutes(services: Services) {
  const router = Router();
  router.get("/sperimentazioni", async (req, res) => {
    const query = pilotsQuery.safeParse(req.query);
    if (!query.success) return res.status(400).render("errors/400", { status: 400 });
    const { stato, pagina = 1 } = query.data;
    const [figures, list] = await Promise.all([
      services.pilot.figures(),
      services.pilot.page(stato && STATES[stato], pagina),
    ]);
    res.render("public/pilots", { figures, list, stato: stato ?? "" });
  });
  return router;
}
