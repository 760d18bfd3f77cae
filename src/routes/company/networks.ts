import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { NetworkOutcome } from "../../services/territory/networkRules.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { renderConfirmation } from "../confirmation.js";
import { measureSchema } from "./measure.schema.js";
import { networkMeasureErrors, networkMeasureInput } from "./pact.schema.js";

const done = ["richiesta", "uscita", "accettata", "respinta", "proposta"] as const;

/** /impresa/reti: join or leave networks; the lead organization decides requests and proposes shared measures. */
export function companyNetworkRoutes(services: Services) {
  const router = Router();
  const networks = services.networkCompany;
  const measureView = "company/networks/measure";

  function refused(res: Response, outcome: Exclude<NetworkOutcome, { ok: true }>) {
    if (outcome.reason === "notFound" || outcome.reason === "notLead") return res.status(404).render("errors/404");
    res.status(409).render("accounts/notice", {
      title: "networks.company.refusedTitle",
      body: `networks.company.refused.${outcome.reason}`,
      link: { href: "/impresa/reti", label: "networks.company.title" },
    });
  }

  router.get("/reti", async (req, res) => {
    const orgId = req.user!.organizationId;
    const { organization } = await services.pact.companyView(orgId);
    res.render("company/networks/index", {
      organization,
      networks: orgId === null ? [] : await networks.forCompany(orgId),
      done: done.find((d) => d === req.query.esito),
    });
  });

  router.post("/reti/:slug/adesione", async (req, res) => {
    const outcome = await networks.requestJoin(req.user!, String(req.params.slug));
    if (!outcome.ok) return refused(res, outcome);
    res.redirect(303, "/impresa/reti?esito=richiesta");
  });

  router.get("/reti/:slug/recesso", async (req, res, next) => {
    const orgId = req.user!.organizationId;
    const network =
      orgId === null ? undefined : (await networks.forCompany(orgId)).find((n) => n.slug === req.params.slug);
    const status = network?.members[0]?.status;
    if (!network || (status !== "ACTIVE" && status !== "REQUESTED")) return next();
    const t = res.locals.t as (key: string, params?: object) => string;
    const kind = status === "ACTIVE" ? "leave" : "withdraw";
    renderConfirmation(res, {
      title: t(`networks.company.${kind}Title`, { name: network.name }),
      question: t(`networks.company.${kind}Question`),
      action: `/impresa/reti/${network.slug}/recesso`,
      submit: t(`networks.company.${kind}Confirm`),
      back: "/impresa/reti",
    });
  });

  router.post("/reti/:slug/recesso", async (req, res) => {
    const outcome = await networks.leave(req.user!, String(req.params.slug));
    if (!outcome.ok) return refused(res, outcome);
    res.redirect(303, "/impresa/reti?esito=uscita");
  });

  router.get("/reti/:slug", async (req, res, next) => {
    const orgId = req.user!.organizationId;
    const network = orgId === null ? null : await networks.ledBy(String(req.params.slug), orgId);
    if (!network) return next();
    res.render("company/networks/lead", { network, done: done.find((d) => d === req.query.esito) });
  });

  for (const [path, accept] of [
    ["accetta", true],
    ["respingi", false],
  ] as const) {
    router.post(`/reti/:slug/membri/:orgId/${path}`, async (req, res, next) => {
      const orgId = Number(req.params.orgId);
      if (!/^\d{1,9}$/.test(String(req.params.orgId))) return next();
      const outcome = await networks.leadDecide(req.user!, String(req.params.slug), orgId, accept);
      if (!outcome.ok) return refused(res, outcome);
      res.redirect(303, `/impresa/reti/${String(req.params.slug)}?esito=${accept ? "accettata" : "respinta"}`);
    });
  }

  router.get("/reti/:slug/misure/nuova", async (req, res, next) => {
    const orgId = req.user!.organizationId;
    const network = orgId === null ? null : await networks.ledBy(String(req.params.slug), orgId);
    if (!network) return next();
    res.render(measureView, { network, values: { beneficiaries: [] }, errors: {} });
  });

  router.post("/reti/:slug/misure/nuova", async (req, res, next) => {
    const orgId = req.user!.organizationId;
    const network = orgId === null ? null : await networks.ledBy(String(req.params.slug), orgId);
    if (!network) return next();
    const form = parseForm(measureSchema, req);
    if (!form.ok) return renderInvalid(res, measureView, form, { network });
    const missing = networkMeasureErrors(form.data);
    if (Object.keys(missing).length)
      return renderInvalid(
        res,
        measureView,
        { errors: missing, values: form.data as Record<string, unknown> },
        { network },
      );
    const outcome = await networks.proposeMeasure(req.user!, network.slug, networkMeasureInput(form.data));
    if (!outcome.ok) return refused(res, outcome);
    res.redirect(303, `/impresa/reti/${network.slug}?esito=proposta`);
  });

  return router;
}
