import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { eventJsonLd } from "./eventJsonLd.js";

/** Dates of events as people in Bologna read them. */
export function eventDates(res: Response) {
  const locale = res.locals.lang === "en" ? "en-GB" : "it-IT";
  return {
    formatWhen: (d: Date) =>
      d.toLocaleString(locale, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Rome" }),
    formatTime: (d: Date) => d.toLocaleTimeString(locale, { timeStyle: "short", timeZone: "Europe/Rome" }),
    isoDate: (d: Date) => d.toISOString(),
  };
}

/** /eventi: upcoming and past seminars, meetings and training sessions, with their figures. */
export function eventRoutes(services: Services) {
  const router = Router();
  const events = services.event;

  router.get("/eventi", async (_req, res) => {
    res.render("public/events/index", { ...(await events.calendar()), ...eventDates(res) });
  });

  router.get("/eventi/:slug", async (req, res, next) => {
    const event = await events.bySlug(String(req.params.slug));
    if (!event) return next();
    res.render("public/events/show", {
      event,
      held: event.startsAt < new Date(),
      jsonLd: eventJsonLd(event, `${res.locals.publicBaseUrl as string}/eventi/${event.slug}`),
      attendees: event.attendees
        .filter((a) => a.organization.registryStatus === "REGISTERED")
        .map((a) => a.organization),
      ...eventDates(res),
    });
  });

  router.get("/eventi/:slug/calendario.ics", async (req, res, next) => {
    const event = await events.bySlug(String(req.params.slug));
    if (!event) return next();
    res.type("text/calendar; charset=utf-8").attachment(`${event.slug}.ics`).send(events.ics(event));
  });

  return router;
}
