import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";

const path = "/consulenza/revoca/:token";

/** A link that does not work says why: unknown (or deleted at the end of retention) 404, already used 410. */
function invalidLink(res: Response, state: "unknown" | "withdrawn") {
  const key = state === "unknown" ? "unknown" : "used";
  res.status(state === "unknown" ? 404 : 410).render("accounts/notice", {
    title: `advice.withdrawal.${key}Title`,
    body: `advice.withdrawal.${key}`,
    link: { href: "/consulenza", label: "advice.form.title" },
  });
}

/**
 * /consulenza/revoca/<token>: the personal link of the confirmation e-mail. The
 * page explains; only the button (POST, CSRF) withdraws. The token is kept out
 * of the logs by requestLogging.ts.
 */
export function adviceWithdrawalRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  const consent = services.adviceConsent;

  router.get(path, async (req, res) => {
    const found = await consent.withdrawal(String(req.params.token));
    if (found.state !== "open") return invalidLink(res, found.state);
    res.render("public/advice/withdrawal", { request: found.request, action: req.path });
  });

  router.post(path, limits.publicForms, async (req, res) => {
    const outcome = await consent.withdraw(String(req.params.token));
    if (outcome !== "ok") return invalidLink(res, outcome);
    res.render("accounts/notice", { title: "advice.withdrawal.doneTitle", body: "advice.withdrawal.done" });
  });

  return router;
}
