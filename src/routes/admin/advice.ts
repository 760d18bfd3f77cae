import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, parseQuery } from "../../validation/form.js";
import type { AdviceFilters } from "../../data/outreach/adviceRepository.js";
import { validId } from "./idParam.js";
import { renderInvalidFilters } from "./listFilters.js";
import { adviceColumns } from "./listCsvColumns.js";
import { csvDownload } from "./staffCsv.js";
import {
  adviceAnswerSchema,
  adviceFiltersSchema,
  adviceUpdateSchema,
  type AdviceFiltersForm,
} from "./advice.schema.js";

const showView = "admin/advice/show";
const listView = "admin/advice/index";

/** The list's GET parameters as the advice service takes them. */
const adviceFilters = (f: AdviceFiltersForm): AdviceFilters => ({
  reference: f.q,
  topic: f.tema,
  comuneCode: f.comune,
  status: f.stato,
});

/** /admin/consulenze: the staff handle citizens' questions and answer them by e-mail. */
export function adminAdviceRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const advice = services.advice;

  const detail = async (id: number) => {
    const request = await advice.find(id);
    return request ? { request, staff: await advice.staff(request.assigneeId) } : null;
  };
  const currentValues = (r: NonNullable<Awaited<ReturnType<typeof advice.find>>>) => ({
    status: r.status,
    assignee: r.assigneeId ?? "",
    note: r.internalNotes,
  });

  router.get("/consulenze", async (req, res) => {
    const query = parseQuery(adviceFiltersSchema, req);
    const { comuni } = await services.referenceData.load();
    if (!query.ok) return renderInvalidFilters(res, listView, query, { requests: [], comuni });
    const f = query.data;
    const found = await advice.list(adviceFilters(f), f.pagina);
    res.render(listView, { requests: found.items, paging: found, filters: f, comuni, errors: {} });
  });

  router.get(
    "/consulenze.csv",
    csvDownload(adviceFiltersSchema, "consulenze", adviceColumns, (f) => advice.batches(adviceFilters(f))),
  );

  router.get("/consulenze/:id", async (req, res) => {
    const found = await detail(Number(req.params.id));
    if (!found) return res.status(404).render("errors/404");
    res.render(showView, {
      ...found,
      values: currentValues(found.request),
      answerValues: { answer: found.request.answer ?? "" },
      errors: {},
      answerErrors: {},
      done: req.query.esito,
    });
  });

  router.post("/consulenze/:id", async (req, res) => {
    const found = await detail(Number(req.params.id));
    if (!found) return res.status(404).render("errors/404");
    const form = parseForm(adviceUpdateSchema, req);
    const invalid = (values: Record<string, unknown>, errors: Record<string, unknown>) =>
      res.status(422).render(showView, {
        ...found,
        values,
        errors,
        answerValues: { answer: found.request.answer ?? "" },
        answerErrors: {},
        done: undefined,
      });
    if (!form.ok) return invalid(form.values, form.errors);
    const outcome = await advice.update(found.request.id, req.user!, {
      status: form.data.status,
      assigneeId: form.data.assignee ?? null,
      internalNotes: form.data.note,
    });
    if (outcome === "notFound") return res.status(404).render("errors/404");
    // The detail page says that consent was withdrawn and offers no form any more.
    if (outcome === "withdrawn") return res.redirect(303, `/admin/consulenze/${found.request.id}`);
    if (outcome === "badAssignee")
      return invalid(req.body as Record<string, unknown>, { assignee: { key: "validation.choice" } });
    res.redirect(303, `/admin/consulenze/${found.request.id}?esito=salvata`);
  });

  router.post("/consulenze/:id/risposta", async (req, res) => {
    const found = await detail(Number(req.params.id));
    if (!found) return res.status(404).render("errors/404");
    const form = parseForm(adviceAnswerSchema, req);
    if (!form.ok)
      return res.status(422).render(showView, {
        ...found,
        values: currentValues(found.request),
        errors: {},
        answerValues: form.values,
        answerErrors: form.errors,
        done: undefined,
      });
    const outcome = await advice.answer(found.request.id, req.user!, form.data.answer);
    if (outcome === "notFound") return res.status(404).render("errors/404");
    res.redirect(303, `/admin/consulenze/${found.request.id}${outcome === "ok" ? "?esito=risposta" : ""}`);
  });

  return router;
}
