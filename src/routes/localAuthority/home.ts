import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { codesOf, territoryOf } from "./territoryScope.js";

/** /ente: the territory, its figures at a glance, the proposals waiting for staff. */
export function localHome(services: Services): RequestHandler {
  return async (req, res) => {
    const comuneCodes = codesOf(territoryOf(res));
    const [figures, proposals] = await Promise.all([
      services.localRegister.counts(comuneCodes),
      services.serviceIntegration.ofProposer(req.user!.id),
    ]);
    res.render("localAuthority/home", {
      figures,
      waiting: proposals.filter((p) => p.status === "PROPOSED").length,
    });
  };
}
