import type { RateLimits } from "../../middleware/rateLimits.js";
import express, { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { describeAlert } from "../../services/outreach/alertMails.js";

const path = "/avvisi/disiscrizione/:token";
const token = (req: Request) => String(req.params.token);

/** A link whose subscription is gone (cancelled already, or never confirmed and expired) or never was. */
function unknownLink(res: Response) {
  res.status(404).render("accounts/notice", {
    title: "alerts.unsubscribe.unknownTitle",
    body: "alerts.unsubscribe.unknown",
    link: { href: "/avvisi", label: "alerts.form.title" },
  });
}

async function unsubscribe(services: Services, req: Request, res: Response) {
  if (!(await services.alertSubscription.unsubscribe(token(req)))) return unknownLink(res);
  res.render("accounts/notice", { title: "alerts.unsubscribe.doneTitle", body: "alerts.unsubscribe.done" });
}

/**
 * /avvisi/disiscrizione/<token>: the link of every alert e-mail. The page says
 * which subscription it ends; its button (POST, CSRF) deletes it. The token is
 * kept out of the logs by requestLogging.ts.
 */
export function alertUnsubscribeRoutes(services: Services, limits: RateLimits) {
  const router = Router();

  router.get(path, async (req, res) => {
    const found = await services.alertSubscription.unsubscription(token(req));
    if (!found) return unknownLink(res);
    res.render("public/alerts/unsubscribe", { alert: describeAlert(res.locals.t, found), action: req.path });
  });

  router.post(path, limits.publicForms, (req, res) => unsubscribe(services, req, res));

  return router;
}

/** The one part RFC 8058 asks for, when a mail client posts it as multipart/form-data (the RFC's preference). */
const ONE_CLICK_PART =
  /content-disposition:\s*form-data;\s*name="List-Unsubscribe"\r\n(?:[^\r\n]+\r\n)*\r\nOne-Click\r\n/i;

/** True when the body is RFC 8058's `List-Unsubscribe=One-Click`, URL-encoded (parsed by the app) or multipart. */
function isOneClick(req: Request): boolean {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return ONE_CLICK_PART.test(body.toString("utf8"));
  return (body as Record<string, unknown> | undefined)?.["List-Unsubscribe"] === "One-Click";
}

/**
 * RFC 8058 one-click unsubscribe: a mail client offering "unsubscribe" POSTs
 * `List-Unsubscribe=One-Click` to the e-mail's List-Unsubscribe address. It
 * never saw the page, so it has no CSRF token: this route is mounted before
 * sessions and the CSRF check (src/app.ts), and the 256-bit token in the
 * address is the credential, as for the page's button. A POST without that
 * body goes on to the page's route, CSRF checked.
 */
export function oneClickUnsubscribe(services: Services) {
  const router = Router();
  router.post(
    path,
    // The app parses URL-encoded forms only; a multipart body this small is read as it is.
    express.raw({ type: "multipart/form-data", limit: "2kb" }),
    (req, _res, next) => next(isOneClick(req) ? undefined : "route"),
    // Not rate-limited per client: a mail provider posts for all its users from a few addresses.
    (req, res) => unsubscribe(services, req, res),
  );
  return router;
}
