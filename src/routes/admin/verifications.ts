import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, type FieldErrors } from "../../validation/form.js";
import { confirmVerificationsSchema, queueQuerySchema } from "./verifications.schema.js";

const view = "admin/verifications/index";

/**
 * /admin/verifiche: the companies' confirmations that their data are unchanged,
 * recorded as verifications several at once, and the entries overdue (18 months).
 */
export function verificationRoutes(services: Services) {
  const router = Router();
  const cycle = services.verificationCycle;

  async function render(req: Request, res: Response, status: number, locals: Record<string, unknown>) {
    const { pagina } = queueQuerySchema.parse(req.query);
    const queue = await cycle.queue(pagina);
    res.status(status).render(view, { entries: queue.items, paging: queue, errors: {}, values: {}, ...locals });
  }

  router.get("/verifiche", (req, res) =>
    render(req, res, 200, { recorded: queueQuerySchema.parse(req.query).registrate }),
  );

  router.post("/verifiche", async (req, res) => {
    const form = parseForm(confirmVerificationsSchema, req);
    if (!form.ok) {
      // One field: whatever is wrong (nothing ticked, a forged id) is said beside the list.
      const errors: FieldErrors = { organizationIds: Object.values(form.errors)[0]! };
      return render(req, res, 422, { errors, values: form.values });
    }
    const recorded = await cycle.confirmMany(form.data.organizationIds, req.user!);
    res.redirect(303, `/admin/verifiche?registrate=${recorded}`);
  });

  return router;
}
