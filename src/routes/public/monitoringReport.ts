import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { reportYear } from "../../domain/monitoringReport.js";
import type { Language } from "../../locales/i18n.js";
import { viewFormat } from "../../middleware/viewFormat.js";
import { monitoringReportDocument } from "./monitoringReportDocument.js";
import { monitoringReportPdf } from "./monitoringReportPdf.js";
import { publicDownload } from "./publicFile.js";

const PAGE = "/statistiche/rapporto/";

/** /statistiche/rapporto/:anno and its PDF: a published monitoring report beside the year's figures. */
export function monitoringReportRoutes(services: Services) {
  const router = Router();

  /** The report of the year in the URL, in the page's language; nothing once the answer (400, 404) is sent. */
  async function load(req: Request, res: Response) {
    const year = reportYear(String(req.params.anno));
    if (year === null) return void res.status(400).render("errors/400", { status: 400 });
    const found = await services.monitoringReport.published(year);
    if (!found) return void res.status(404).render("errors/404");
    const { lang, t } = res.locals;
    return {
      ...found,
      lang,
      t,
      document: monitoringReportDocument(found.report, found.figures, lang, t, viewFormat(lang)),
    };
  }
  const address = (year: number, lang: Language, suffix = "") =>
    `${PAGE}${year}${suffix}${lang === "en" ? "?lang=en" : ""}`;

  // Before the page's route, whose :anno would take "2025.pdf" for a year.
  router.get(`${PAGE}:anno.pdf`, async (req, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    const { report, document, lang, t } = loaded;
    const baseUrl = String(res.locals.publicBaseUrl);
    const pdf = await monitoringReportPdf(document, {
      url: baseUrl + address(report.year, lang),
      subject: t("monitoring.pdfDocument.subject", { project: document.project, year: report.year }),
      author: t("monitoring.pdfDocument.author"),
      source: t("monitoring.pdfDocument.source", { url: baseUrl }),
      created: report.publishedAt ?? report.updatedAt,
      modified: report.updatedAt,
    });
    publicDownload(res, `${lang === "en" ? "monitoring-report" : "rapporto-monitoraggio"}-${report.year}.pdf`);
    // res.send sets the ETag from the bytes (the same report and figures give the same bytes) and answers 304.
    res.type("application/pdf").send(pdf);
  });

  router.get(`${PAGE}:anno`, async (req, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    res.render("public/monitoringReport", {
      report: loaded.document,
      pdfHref: address(loaded.report.year, loaded.lang, ".pdf"),
      years: await services.monitoringReport.publishedYears(),
    });
  });

  return router;
}
