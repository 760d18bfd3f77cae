import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { takesRegistrations } from "../../services/territory/eventRegistrationService.js";
import { romeLongDateTime } from "../../domain/romeTime.js";
import { eventJsonLd } from "./eventJsonLd.js";

/** Dates of events as people in Bologna read them. */
export function eventDates(res: Response) {
  const locale = res.locals.lang === "en" ? "en-GB" : "it-IT";
  return {
    formatWhen: (d: Date) => romeLongDateTime(d, res.locals.lang === "en" ? "en" : "it"),
    formatTime: (d: Date) => d.toLocaleTimeString(locale, { timeStyle: "short", timeZone: "Europe/Rome" }),
    isoDate: (d: Date) => d.toISOString(),
  };
}

type PublicEvent = NonNullable<Awaited<ReturnType<Services["event"]["bySlug"]>>>;

/**
 * An event's public page, with its sign-up form while it takes registrations
 * (the form's values and errors in `form`, or 409 `closed` when sign-up ended
 * while the visitor typed).
 */
export async function renderEvent(
  services: Services,
  res: Response,
  event: PublicEvent,
  status = 200,
  form: { values?: Record<string, unknown>; errors?: Record<string, unknown>; closed?: boolean } = {},
) {
  const now = new Date();
  const open = takesRegistrations(event, now);
  res.status(status).render("public/events/show", {
    event,
    held: event.startsAt < now,
    signUp: open ? { seats: await services.eventRegistration.seats(event.id) } : null,
    closed: form.closed ?? false,
    values: form.values ?? {},
    errors: form.errors ?? {},
    jsonLd: eventJsonLd(event, `${res.locals.publicBaseUrl as string}/eventi/${event.slug}`),
    attendees: event.attendees.filter((a) => a.organization.registryStatus === "REGISTERED").map((a) => a.organization),
    ...eventDates(res),
  });
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
    await renderEvent(services, res, event);
  });

  router.get("/eventi/:slug/calendario.ics", async (req, res, next) => {
    const event = await events.bySlug(String(req.params.slug));
    if (!event) return next();
    res.type("text/calendar; charset=utf-8").attachment(`${event.slug}.ics`).send(events.ics(event));
  });

  return router;
}
