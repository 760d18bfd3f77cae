import { Router } from "express";
import type { Services } from "../../services/index.js";
import { beneficiaries, categories, sizeClasses } from "../../domain/vocabulary.js";
import { publicOrganizationDto } from "../../services/registry/publicOrganizationDto.js";
import { outcomeSlug } from "../../domain/vocabulary.js";
import { parseSearch } from "../public/parseSearch.js";
import { sendResource, sendSerialized } from "./conditional.js";
import { invalidParams, sendProblem } from "./problem.js";
import { organizationsQuery, plainQuery } from "./api.schema.js";
import { checkQuery, parseQuery } from "./query.js";

const SLUG = /^[a-z0-9-]{1,200}$/;
const stage = { ACTIVE: "attiva", PLANNED: "in-progettazione", ENDED: "conclusa" } as const;

/** /api/v1/organizations: the register search with the parameters of /registro, as JSON. */
export function organizationRoutes(services: Services) {
  const router = Router();
  const baseUrl = () => services.openData.baseUrl;

  router.get("/organizations", async (req, res) => {
    const names = checkQuery(organizationsQuery, req.query);
    // A request refused for its names looks no place up (the geocoder is a remote service).
    const parsed = await parseSearch(req, services.referenceData, names.ok ? services.geocoder : undefined);
    if (!names.ok || !parsed.ok) {
      return invalidParams(res, { ...(names.ok ? {} : names.errors), ...(parsed.ok ? {} : parsed.errors) });
    }
    // A program cannot pick from a list: it gets the error and sends lat+lon (or vicino) instead.
    if (parsed.places) return invalidParams(res, { luogo: { key: "search.errors.luogoAmbiguous" } });
    // Cached as the JSON sent, under the canonical search (and the language, as the answer varies by it).
    const json = await services.registry.cachedDetailedPage(
      `api ${String(res.locals.lang)} ${parsed.query}`,
      parsed.search,
      (outcome) => JSON.stringify(organizationsBody(outcome, baseUrl())),
    );
    sendSerialized(res, json.body, json.etag);
  });

  router.get("/organizations/:slug", async (req, res) => {
    if (!parseQuery(plainQuery, req, res)) return;
    const slug = String(req.params.slug);
    // Slugs are [a-z0-9-]: anything else (a NUL byte would make PostgreSQL fail) is simply not there.
    const organization = SLUG.test(slug) ? await services.openData.organization(slug) : undefined;
    if (!organization) {
      return sendProblem(res, 404, {
        detail: (res.locals.t as (k: string) => string)("api.problems.organizationNotFound"),
      });
    }
    sendResource(res, publicOrganizationDto(organization, baseUrl()));
  });

  return router;
}

type SearchOutcome = Awaited<ReturnType<Services["registry"]["searchDetailed"]>>;

/** The body of /api/v1/organizations for one page of results. */
function organizationsBody(outcome: SearchOutcome, baseUrl: string) {
  return {
    total: outcome.total,
    moreThanMax: outcome.moreThanMax,
    page: outcome.page,
    pages: outcome.pages,
    items: outcome.results.map((o) => ({
      slug: o.slug,
      url: `${baseUrl}/registro/${o.slug}`,
      name: o.name,
      legalForm: o.legalForm,
      description: o.description,
      comune: o.comuneCode ? { istatCode: o.comuneCode, name: o.comuneName ?? "" } : null,
      sizeClass: o.sizeClass ? sizeClasses.slug(o.sizeClass as never) : null,
      registeredAt: o.registeredAt ? new Date(o.registeredAt).toISOString() : null,
      lat: o.lat,
      lon: o.lon,
      approximatePosition: o.approximate,
      distanceKm: o.distanceKm === null || o.distanceKm === undefined ? null : Math.round(o.distanceKm * 10) / 10,
      measures: o.measures.map((m) => ({
        id: m.id,
        title: m.title,
        category: categories.slug(m.category),
        status: stage[m.status],
        openToCitizens: m.openToCitizens,
        beneficiaries: m.beneficiaries.map((b) => beneficiaries.slug(b)),
        classification: m.currentOutcome ? outcomeSlug(m.currentOutcome) : null,
        matchesSearch: m.matches,
      })),
    })),
  };
}
