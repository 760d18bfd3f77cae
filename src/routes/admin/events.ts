import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm } from "../../validation/form.js";
import { romeDateAndTime } from "../../domain/romeTime.js";
import { renderConfirmation } from "../confirmation.js";
import { validId } from "./idParam.js";
import { eventFormSchema } from "./events.schema.js";

const formView = "admin/events/form";

/** /admin/eventi: the staff record seminars, meetings and training sessions. */
export function adminEventRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const events = services.event;

  type Recorded = { id: number; attendees: { organizationId: number }[] } | null;
  /** An event's attendees stay among the choices even after leaving the register, so a save keeps them. */
  const formLocals = async (event: Recorded = null) => {
    const [{ comuni }, organizations] = await Promise.all([
      services.referenceData.load(),
      events.registeredOrganizations(event?.attendees.map((a) => a.organizationId) ?? []),
    ]);
    return { comuni, organizations, comuneCodes: new Set(comuni.map((c) => c.istatCode)) };
  };
  const render = async (res: Response, status: number, locals: Record<string, unknown> & { event: Recorded }) => {
    const { comuni, organizations } = await formLocals(locals.event);
    // Seats taken and people waiting: with registrations, participants are counted, not typed.
    const seats = locals.event ? await services.eventRegistration.seats(locals.event.id) : null;
    res.status(status).render(formView, { comuni, organizations, seats, errors: {}, ...locals });
  };

  router.get("/eventi", async (req, res) => {
    res.render("admin/events/index", { events: await events.list(), done: req.query.esito });
  });

  router.get("/eventi/nuovo", (_req, res) =>
    render(res, 200, { event: null, values: { status: "SCHEDULED", freeOfCharge: "1", organizationIds: [] } }),
  );

  router.post("/eventi/nuovo", async (req, res) => {
    const form = parseForm(eventFormSchema((await formLocals()).comuneCodes), req);
    if (!form.ok) return render(res, 422, { event: null, values: form.values, errors: form.errors });
    const outcome = await events.create(req.user!, form.data);
    if (!outcome.ok)
      return render(res, 422, {
        event: null,
        values: req.body,
        errors: { organizationIds: { key: "events.errors.notRegistered" } },
      });
    res.redirect(303, `/admin/eventi?esito=creato`);
  });

  router.get("/eventi/:id", async (req, res) => {
    const event = await events.find(Number(req.params.id));
    if (!event) return res.status(404).render("errors/404");
    const { date, time } = romeDateAndTime(event.startsAt);
    const values = {
      title: event.title,
      type: event.type,
      date,
      time,
      endTime: event.endsAt ? romeDateAndTime(event.endsAt).time : "",
      place: event.place,
      comuneCode: event.comuneCode ?? "",
      organizer: event.organizer,
      description: event.description,
      participants: event.participants ?? "",
      registrationOpen: event.registrationOpen ? "1" : "",
      capacity: event.capacity ?? "",
      status: event.status,
      onlineUrl: event.onlineUrl ?? "",
      freeOfCharge: event.freeOfCharge ? "1" : "",
      organizationIds: event.attendees.map((a) => String(a.organizationId)),
    };
    await render(res, 200, { event, values, saved: req.query.esito === "salvato" });
  });

  router.post("/eventi/:id", async (req, res) => {
    const event = await events.find(Number(req.params.id));
    if (!event) return res.status(404).render("errors/404");
    const form = parseForm(eventFormSchema((await formLocals()).comuneCodes), req);
    if (!form.ok) return render(res, 422, { event, values: form.values, errors: form.errors });
    const outcome = await events.update(event.id, req.user!, form.data);
    if (!outcome.ok && outcome.reason === "notFound") return res.status(404).render("errors/404");
    if (!outcome.ok)
      return render(res, 422, {
        event,
        values: req.body,
        errors:
          outcome.reason === "capacityBelowSeats"
            ? { capacity: { key: "events.errors.capacityBelowSeats", params: { count: outcome.seats } } }
            : { organizationIds: { key: "events.errors.notRegistered" } },
      });
    res.redirect(303, `/admin/eventi/${event.id}?esito=salvato`);
  });

  router.get("/eventi/:id/elimina", async (req, res) => {
    const event = await events.find(Number(req.params.id));
    if (!event) return res.status(404).render("errors/404");
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("events.admin.deleteTitle"),
      question: `${t("events.admin.deleteQuestion", { title: event.title })} ${t("events.admin.deleteHint")}`,
      action: `/admin/eventi/${event.id}/elimina`,
      submit: t("events.admin.delete"),
      back: `/admin/eventi/${event.id}`,
    });
  });

  router.post("/eventi/:id/elimina", async (req, res) => {
    if (!(await events.delete(Number(req.params.id), req.user!))) return res.status(404).render("errors/404");
    res.redirect(303, "/admin/eventi?esito=eliminato");
  });

  return router;
}
