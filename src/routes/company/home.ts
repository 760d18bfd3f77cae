import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { missingItems } from "../../domain/applicationPayload.js";
import { sizeClassFor } from "../../domain/sizeClass.js";
import { phaseOf, staffMessage } from "./workspaceView.js";

/** /impresa: the organization, its measures, the application status and what to do next. */
export function companyHome(services: Services): RequestHandler {
  return async (req, res) => {
    const ws = await services.companyDraft.workspace(req.user!);
    const { byCode, ateco } = await services.referenceData.load();
    const o = ws.payload.organization;
    res.render("company/home", {
      ...ws,
      phase: phaseOf(ws),
      staffMessage: staffMessage(ws),
      comune: o.comuneCode ? byCode.get(o.comuneCode) : undefined,
      atecoSection: ateco.find((a) => a.code === o.atecoSectionCode),
      sizeClass: o.employees === undefined ? undefined : sizeClassFor(o.employees),
      missing: missingItems(ws.payload),
      saved: typeof req.query.salvato === "string" ? req.query.salvato : undefined,
      verification: await services.verificationCycle.companyNotice(ws.organization),
    });
  };
}
