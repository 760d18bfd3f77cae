import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { takesRegistrations } from "../../services/territory/eventRegistrationService.js";
import { parseForm } from "../../validation/form.js";
import { eventDates, renderEvent } from "./events.js";
import { signUpSchema } from "./eventRegistration.schema.js";

const cancelPath = "/eventi/annulla/:token";

/** A cancellation link that does not work says why: unknown 404, used or too late 410. */
function invalidLink(res: Response, state: "unknown" | "cancelled" | "started") {
  res.status(state === "unknown" ? 404 : 410).render("accounts/notice", {
    title: `events.cancel.${state}Title`,
    body: `events.cancel.${state}`,
    link: { href: "/eventi", label: "events.public.back" },
  });
}

/**
 * Sign-up on an event's page (rate-limited, with the honeypot field `website`
 * of the advice form: a robot that fills it takes no seat and sees the same
 * answer), its outcome page, and the personal cancellation link of the
 * confirmation e-mail (its token is kept out of the logs by requestLogging.ts).
 */
export function eventRegistrationRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  const registrations = services.eventRegistration;

  router.post("/eventi/:slug/iscrizione", limits.publicForms, async (req, res, next) => {
    const slug = String(req.params.slug);
    const event = await services.event.bySlug(slug);
    if (!event) return next();
    if (!takesRegistrations(event)) return renderEvent(services, res, event, 409, { closed: true });
    const signedUp = (status: "CONFIRMED" | "WAITING", position: number) => {
      req.session.eventSignUp = { slug, status, position };
      res.redirect(303, `/eventi/${slug}/iscrizione/esito`);
    };
    const honeypot = (req.body as Record<string, unknown> | undefined)?.website;
    if (typeof honeypot === "string" && honeypot.trim() !== "") return signedUp("CONFIRMED", 0);
    const form = parseForm(signUpSchema, req);
    if (!form.ok) return renderEvent(services, res, event, 422, { values: form.values, errors: form.errors });
    const outcome = await registrations.signUp(slug, form.data, res.locals.lang);
    if (!outcome.ok && outcome.reason === "notFound") return next();
    if (!outcome.ok) return renderEvent(services, res, event, 409, { closed: true });
    signedUp(outcome.status, outcome.position);
  });

  router.get("/eventi/:slug/iscrizione/esito", async (req, res) => {
    const slug = String(req.params.slug);
    const done = req.session.eventSignUp;
    const event = done?.slug === slug ? await services.event.bySlug(slug) : null;
    if (!done || !event) return res.redirect(303, `/eventi/${encodeURIComponent(slug)}`);
    res.render("public/events/signedUp", { event, outcome: done, ...eventDates(res) });
  });

  router.get(cancelPath, async (req, res) => {
    const found = await registrations.cancellation(String(req.params.token));
    if (found.state !== "open") return invalidLink(res, found.state);
    res.render("public/events/cancel", { registration: found.registration, action: req.path, ...eventDates(res) });
  });

  router.post(cancelPath, limits.publicForms, async (req, res) => {
    const outcome = await registrations.cancel(String(req.params.token));
    if (outcome !== "ok") return invalidLink(res, outcome);
    res.render("accounts/notice", {
      title: "events.cancel.doneTitle",
      body: "events.cancel.done",
      link: { href: "/eventi", label: "events.public.back" },
    });
  });

  return router;
}
