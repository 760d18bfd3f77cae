import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { missingItems } from "../../domain/applicationPayload.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { replySchema, versionOnlySchema } from "./measure.schema.js";
import { formVersion, phaseOf, staffMessage } from "./workspaceView.js";

const view = "company/application";

/** /impresa/domanda: the timeline of the application, what can be done now, the submission and the reply to staff. */
export function applicationRoutes(services: Services) {
  const router = Router();

  const pageLocals = async (req: Request) => {
    const ws = await services.companyDraft.workspace(req.user!);
    return {
      ...ws,
      phase: phaseOf(ws),
      staffMessage: staffMessage(ws),
      version: formVersion(ws),
      missing: missingItems(ws.payload),
    };
  };
  const render = async (req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) =>
    res.status(status).render(view, { ...(await pageLocals(req)), ...extra });

  router.get("/domanda", async (req, res) =>
    render(req, res, 200, { sent: req.query.inviata === "1", replied: req.query.risposta === "1" }),
  );

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

  // The company answers a request for changes without resubmitting; staff read it in the history.
  router.post("/domanda/risposta", async (req, res) => {
    const form = parseForm(replySchema, req);
    if (!form.ok) return renderInvalid(res, view, form, await pageLocals(req));
    if (await services.companyApplication.reply(req.user!, form.data.comment)) {
      return res.redirect(303, "/impresa/domanda?risposta=1#storia");
    }
    render(req, res, 409, { refused: "noRequest" });
  });

  return router;
}
