import { Router } from "express";
import type { Services } from "../../services/index.js";

/** /reti and /reti/:slug: networks whose lead is in the register, active members and approved measures only. */
export function networkRoutes(services: Services) {
  const router = Router();
  router.get("/reti", async (_req, res) => {
    res.render("public/networks/index", { networks: await services.network.listPublic() });
  });
  router.get("/reti/:slug", async (req, res, next) => {
    const network = await services.network.publicPage(String(req.params.slug));
    if (!network) return next();
    res.render("public/networks/show", { network });
  });
  return router;
}
