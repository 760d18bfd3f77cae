import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { ProjectActivity } from "../../generated/prisma/enums.js";
import { requireRole } from "../../middleware/authorization.js";
import { romeParts } from "../../domain/romeTime.js";
import { reportYear } from "../../domain/monitoringReport.js";
import { activityOfSlug, activitySlug, PROJECT_ACTIVITIES, SECTION_TOPICS } from "../../domain/projectActivities.js";
import { parseForm, renderInvalid, type FieldErrors } from "../../validation/form.js";
import { newReportSchema, sectionSchema, summarySchema } from "./monitoringReports.schema.js";

const done = ["creato", "salvato", "sezione", "pubblicato", "ritirato"] as const;
const currentYear = () => Number(romeParts(new Date()).year);

type Report = NonNullable<Awaited<ReturnType<Services["monitoringReport"]["find"]>>>;

const sectionView = "admin/monitoringReports/section";
const sectionLocals = (report: Report, activity: ProjectActivity) => ({
  report,
  activity,
  activitySlug,
  topics: SECTION_TOPICS,
});

/**
 * /admin/rapporti: the yearly monitoring reports. Staff write the summary and
 * one section per activity of the project; admins publish and withdraw them.
 */
export function adminMonitoringReportRoutes(services: Services) {
  const router = Router();
  const reports = services.monitoringReport;
  const notFound = (res: Response) => res.status(404).render("errors/404");

  router.param("anno", (req, res, next, value: string) => (reportYear(value) === null ? notFound(res) : next()));

  /** The report's page: its state, its summary form and its activities; `locals` may replace the summary form's. */
  const renderReport = (res: Response, status: number, report: Report, locals: Record<string, unknown> = {}) =>
    res.status(status).render("admin/monitoringReports/show", {
      report,
      activities: PROJECT_ACTIVITIES.map((activity) => ({
        activity,
        section: report.sections.find((s) => s.activity === activity),
      })),
      activitySlug,
      values: report,
      errors: {},
      done: undefined,
      ...locals,
    });

  router.get("/rapporti", async (_req, res) => {
    const list = await reports.list();
    res.render("admin/monitoringReports/index", { reports: list, activityCount: PROJECT_ACTIVITIES.length });
  });

  router.get("/rapporti/nuovo", (_req, res) =>
    res.render("admin/monitoringReports/new", { values: { year: String(currentYear() - 1) }, errors: {} }),
  );

  router.post("/rapporti/nuovo", async (req, res) => {
    const form = parseForm(newReportSchema(currentYear()), req);
    if (!form.ok) return renderInvalid(res, "admin/monitoringReports/new", form);
    const { year, ...summary } = form.data;
    if (!(await reports.create(req.user!, year, summary))) {
      const errors: FieldErrors = { year: { key: "monitoring.errors.yearTaken", params: { year } } };
      return renderInvalid(res, "admin/monitoringReports/new", { errors, values: { ...summary, year: String(year) } });
    }
    res.redirect(303, `/admin/rapporti/${year}?esito=creato`);
  });

  router.get("/rapporti/:anno", async (req, res) => {
    const report = await reports.find(Number(req.params.anno));
    if (!report) return notFound(res);
    renderReport(res, 200, report, { done: done.find((d) => d === req.query.esito) });
  });

  router.post("/rapporti/:anno", async (req, res) => {
    const report = await reports.find(Number(req.params.anno));
    if (!report) return notFound(res);
    const form = parseForm(summarySchema, req);
    if (!form.ok) return renderReport(res, 422, report, form);
    await reports.updateSummary(req.user!, report.year, form.data);
    res.redirect(303, `/admin/rapporti/${report.year}?esito=salvato`);
  });

  // Before "/rapporti/:anno/:attivita", which would take these words for an activity.
  for (const [path, step, outcome] of [
    ["pubblica", reports.publish, "pubblicato"],
    ["ritira", reports.unpublish, "ritirato"],
  ] as const) {
    router.post(`/rapporti/:anno/${path}`, requireRole("ADMIN"), async (req, res) => {
      const year = Number(req.params.anno);
      const result = await step(year, req.user!);
      if (result === "notFound") return notFound(res);
      if (result === "nothingWritten") {
        const report = (await reports.find(year))!;
        const errors: FieldErrors = { sections: { key: "monitoring.errors.nothingWritten" } };
        return renderReport(res, 422, report, { errors });
      }
      res.redirect(303, `/admin/rapporti/${year}?esito=${outcome}`);
    });
  }

  router.get("/rapporti/:anno/:attivita", async (req, res) => {
    const activity = activityOfSlug(String(req.params.attivita));
    const report = activity && (await reports.find(Number(req.params.anno)));
    if (!activity || !report) return notFound(res);
    const section = report.sections.find((s) => s.activity === activity) ?? {};
    res.render(sectionView, { ...sectionLocals(report, activity), values: section, errors: {} });
  });

  router.post("/rapporti/:anno/:attivita", async (req, res) => {
    const activity = activityOfSlug(String(req.params.attivita));
    const report = activity && (await reports.find(Number(req.params.anno)));
    if (!activity || !report) return notFound(res);
    const form = parseForm(sectionSchema, req);
    if (!form.ok) return renderInvalid(res, sectionView, form, sectionLocals(report, activity));
    await reports.saveSection(req.user!, report.year, activity, form.data);
    res.redirect(303, `/admin/rapporti/${report.year}?esito=sezione`);
  });

  return router;
}
