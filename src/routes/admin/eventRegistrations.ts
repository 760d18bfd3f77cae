import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, parseQuery } from "../../validation/form.js";
import { validId } from "./idParam.js";
import { registrantColumns } from "./listCsvColumns.js";
import { sendStaffCsv } from "./staffCsv.js";
import { attendanceSchema, registrantListSchema } from "./eventRegistrations.schema.js";

/**
 * /admin/eventi/:id/iscritti: the people signed up for an event, 50 a page, as
 * CSV; once the event has started, the same page records who came.
 */
export function adminEventRegistrationRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const registrations = services.eventRegistration;

  router.get("/eventi/:id/iscritti", async (req, res) => {
    const event = await services.event.find(Number(req.params.id));
    if (!event) return res.status(404).render("errors/404");
    const query = parseQuery(registrantListSchema, req);
    if (!query.ok) return res.status(400).render("errors/400");
    const [paging, seats] = await Promise.all([
      registrations.page(event.id, query.data.pagina),
      registrations.seats(event.id),
    ]);
    res.render("admin/events/registrations", {
      event,
      seats,
      paging,
      held: event.startsAt <= new Date(),
      done: req.query.esito,
    });
  });

  router.get("/eventi/:id/iscritti.csv", async (req, res) => {
    const event = await services.event.find(Number(req.params.id));
    if (!event) return res.status(404).render("errors/404");
    await sendStaffCsv(res, `iscritti-${event.slug}`, registrantColumns, registrations.batches(event.id));
  });

  router.post("/eventi/:id/presenze", async (req, res) => {
    const id = Number(req.params.id);
    const form = parseForm(attendanceSchema, req);
    if (!form.ok) return res.status(400).render("errors/400");
    const { shown, present, pagina } = form.data;
    const outcome = await registrations.recordAttendance(id, req.user!, shown, present);
    if (outcome === "notFound") return res.status(404).render("errors/404");
    if (outcome === "notHeld")
      return res.status(409).render("accounts/notice", {
        title: "events.registrations.admin.notHeldTitle",
        body: "events.registrations.admin.notHeld",
        link: { href: `/admin/eventi/${id}/iscritti`, label: "events.registrations.admin.title" },
      });
    res.redirect(303, `/admin/eventi/${id}/iscritti?${pagina > 1 ? `pagina=${pagina}&` : ""}esito=presenze`);
  });

  return router;
}
