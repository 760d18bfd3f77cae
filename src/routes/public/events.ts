import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { takesRegistrations } from "../../services/territory/eventRegistrationService.js";
import { romeLongDateTime } from "../../domain/romeTime.js";
import { eventJsonLd } from "./eventJsonLd.js";
import { publicDownload } from "./publicFile.js";

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

/**
 * The all-events calendar: its path, https to download or paste into a calendar
 * app, webcal: to open the app's "subscribe" dialogue in one click. In English
 * with ?lang=en, so that the calendar's name follows.
 */
function feedAddresses(res: Response) {
  const path = `/eventi.ics${res.locals.lang === "en" ? "?lang=en" : ""}`;
  const https = `${res.locals.publicBaseUrl as string}${path}`;
  return { path, https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** /eventi: upcoming and past seminars, meetings and training sessions, with their figures and calendars. */
export function eventRoutes(services: Services) {
  const router = Router();
  const events = services.event;

  router.get("/eventi", async (_req, res) => {
    res.render("public/events/index", {
      ...(await events.calendar()),
      ...eventDates(res),
      feed: feedAddresses(res),
    });
  });

  // Before /eventi/:slug only for clarity: "eventi.ics" is not under /eventi/.
  router.get("/eventi.ics", async (_req, res) => {
    const t = res.locals.t as (key: string) => string;
    const ics = await events.feed({
      name: t("events.feed.name"),
      description: t("events.feed.description"),
      source: feedAddresses(res).https,
    });
    publicDownload(res, "eventi.ics");
    res.type("text/calendar; charset=utf-8").send(ics);
  });

  router.get("/eventi/:slug", async (req, res, next) => {
    const event = await events.bySlug(String(req.params.slug));
    if (!event) return next();
    await renderEvent(services, res, event);
  });

  router.get("/eventi/:slug/calendario.ics", async (req, res, next) => {
    const event = await events.bySlug(String(req.params.slug));
    if (!event) return next();
    publicDownload(res, `${event.slug}.ics`);
    res.type("text/calendar; charset=utf-8").send(events.ics(event));
  });

  return router;
}
