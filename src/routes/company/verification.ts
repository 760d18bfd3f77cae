import { Router } from "express";
import type { Services } from "../../services/index.js";

/** POST /impresa/verifica: the company confirms its data unchanged, for staff to check (the re-verification cycle). */
export function verificationRoutes(services: Services) {
  const router = Router();
  router.post("/verifica", async (req, res) => {
    if (await services.verificationCycle.confirmUnchanged(req.user!)) {
      return res.redirect(303, "/impresa?salvato=verifica-confermata");
    }
    res.status(409).render("accounts/notice", {
      title: "verification.company.refusedTitle",
      body: "verification.company.refused",
      link: { href: "/impresa", label: "company.home.title" },
    });
  });
  return router;
}
