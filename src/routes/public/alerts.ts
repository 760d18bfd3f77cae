import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router, type Request } from "express";
import type { Services } from "../../services/index.js";
import { ALERT_RADII_KM, CONFIRMATION_DAYS, DEFAULT_ALERT_RADIUS_KM, alertRadiusFor } from "../../domain/alerts.js";
import { categories } from "../../domain/vocabulary.js";
import { MeasureCategory } from "../../generated/prisma/enums.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { alertFormSchema } from "./alerts.schema.js";
import { buildSearchSchema } from "./registry.schema.js";

const view = "public/alerts/form";
let searchSchema: ReturnType<typeof buildSearchSchema> | undefined;

/**
 * The form filled in from a search's link (domain/alerts.ts, alertsLinkFor):
 * its place (`vicino` or `lat`+`lon`), distance and categories, read as the
 * search reads them. A link that is not a valid search fills nothing.
 */
function prefill(req: Request, comuneCodes: ReadonlySet<string>): Record<string, unknown> {
  searchSchema ??= buildSearchSchema(comuneCodes);
  const parsed = searchSchema.safeParse(req.query);
  if (!parsed.success) return { radiusKm: String(DEFAULT_ALERT_RADIUS_KM) };
  const { vicino, lat, lon, raggio, categoria } = parsed.data;
  const position = vicino === undefined && lat !== undefined && lon !== undefined;
  return {
    comuneCode: vicino,
    ...(position ? { lat: String(lat), lon: String(lon) } : {}),
    radiusKm: String(raggio === undefined ? DEFAULT_ALERT_RADIUS_KM : alertRadiusFor(raggio)),
    categories: categoria.map(categories.code),
  };
}

/**
 * /avvisi: a citizen subscribes to the e-mails about measures open to citizens
 * published near a place. Rate-limited per client and per address named; the
 * answer is the same whether the address is subscribed already or not.
 */
export function alertRoutes(services: Services, limits: RateLimits) {
  const router = Router();

  const options = async () => {
    const { comuni } = await services.referenceData.load();
    return {
      comuni,
      radii: ALERT_RADII_KM,
      categoryCodes: Object.values(MeasureCategory),
      comuneCodes: new Set(comuni.map((c) => c.istatCode)),
    };
  };

  router.get("/avvisi", async (req, res) => {
    const { comuneCodes, ...locals } = await options();
    res.render(view, { ...locals, values: prefill(req, comuneCodes), errors: {} });
  });

  router.post("/avvisi", limits.publicForms, limits.targetAddress, async (req, res) => {
    const { comuneCodes, ...locals } = await options();
    const form = parseForm(alertFormSchema(comuneCodes), req);
    if (!form.ok) return renderInvalid(res, view, form, locals);
    await services.alertSubscription.subscribe(form.data, res.locals.lang);
    res.redirect(303, "/avvisi/inviata");
  });

  router.get("/avvisi/inviata", (_req, res) => {
    res.render("accounts/notice", {
      title: "alerts.sent.title",
      body: "alerts.sent.body",
      params: { days: CONFIRMATION_DAYS },
      link: { href: "/registro", label: "alerts.sent.search" },
    });
  });

  router.get("/avvisi/conferma/:token", async (req, res) => {
    const ok = await services.alertSubscription.confirm(String(req.params.token));
    res.status(ok ? 200 : 410).render("accounts/notice", {
      title: ok ? "alerts.confirmed.title" : "alerts.confirmed.invalidTitle",
      body: ok ? "alerts.confirmed.body" : "alerts.confirmed.invalid",
      link: ok ? { href: "/registro", label: "alerts.sent.search" } : { href: "/avvisi", label: "alerts.form.title" },
    });
  });

  return router;
}
