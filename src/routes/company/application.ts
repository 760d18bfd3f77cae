import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { missingItems } from "../../domain/applicationPayload.js";
import { parseForm } from "../../validation/form.js";
import { versionOnlySchema } from "./measure.schema.js";
import { formVersion, phaseOf, staffMessage } from "./workspaceView.js";

/** /impresa/domanda: the timeline of the application, what can be done now, and the submission. */
export function applicationRoutes(services: Services) {
  const router = Router();

  const render = async (req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) => {
    const ws = await services.companyDraft.workspace(req.user!);
    res.status(status).render("company/application", {
      ...ws,
      phase: phaseOf(ws),
      staffMessage: staffMessage(ws),
      version: formVersion(ws),
      missing: missingItems(ws.payload),
      ...extra,
    });
  };

  router.get("/domanda", async (req, res) => render(req, res, 200, { sent: req.query.inviata === "1" }));

  router.post("/domanda", async (req, res) => {
    const form = parseForm(versionOnlySchema, req);
    const outcome =
      form.ok && form.data.version !== undefined
        ? await services.companyApplication.submit(req.user!, form.data.version)
        : ({ ok: false, reason: "none" } as const);
    if (outcome.ok) return res.redirect(303, "/impresa/domanda?inviata=1");
    if (outcome.reason === "incomplete") return render(req, res, 422, { submitAttempted: true });
    if (outcome.reason === "vatTaken") return render(req, res, 422, { vatTaken: true });
    render(req, res, 409, { refused: outcome.reason });
  });

  return router;
}
