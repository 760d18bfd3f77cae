import { randomBytes } from "node:crypto";
import type { CompanyRepository, DraftHeader } from "../../data/company/companyRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { Db } from "../../data/shared/db.js";
import { diffPayload, draftChanges } from "../../domain/payloadDiff.js";
import type { ComunePlace, Geocoder } from "../geocoding/index.js";
import { placeSeat } from "./seatPosition.js";
import {
  readPayload,
  type ApplicationPayload,
  type MeasureDraft,
  type OrganizationDraft,
  MAX_MEASURES,
} from "../../domain/applicationPayload.js";

export type EditOutcome = { ok: true } | { ok: false; reason: "locked" | "conflict" | "tooManyMeasures" };

const slugify = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "impresa";
const header = (o: OrganizationDraft): DraftHeader => ({
  name: o.name ?? "",
  comuneCode: o.comuneCode ?? null,
  lat: o.lat ?? null,
  lon: o.lon ?? null,
  positionPrecision: o.positionPrecision ?? "EXACT",
});

interface Deps {
  companies: CompanyRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  geocoder: Geocoder;
}

/**
 * The company's working copy. Edits go to the open application's payload; the
 * first edit creates the organization and its draft, an edit after approval
 * opens a revision starting from what is online. A submitted application is
 * locked until the reviewers answer.
 */
export function createCompanyDraftService({ companies, audit, transaction, geocoder }: Deps) {
  async function workspace(user: Express.User, tx?: Db) {
    if (!user.organizationId)
      return { organization: null, application: null, payload: readPayload({}), editable: true, suspension: null };
    const organization = await companies.findOrganization(user.organizationId, tx);
    const application = await companies.currentApplication(user.organizationId, tx);
    const open = application && ["DRAFT", "CHANGES_REQUESTED", "SUBMITTED"].includes(application.status);
    const payload =
      open || organization?.registryStatus !== "REGISTERED"
        ? readPayload(application?.payload)
        : await companies.published(user.organizationId, tx);
    const editable =
      application?.status === "SUBMITTED"
        ? false
        : organization?.registryStatus === "REGISTERED" || organization?.registryStatus === "NOT_REGISTERED";
    // Why staff suspended the entry (the reason is kept in the activity register).
    const suspension =
      organization?.registryStatus === "SUSPENDED" ? await companies.lastSuspension(user.organizationId, tx) : null;
    return { organization, application, payload, editable, suspension };
  }

  /** Applies a change to the working copy; `version` is the application version the form was built from. */
  async function edit(
    user: Express.User,
    version: number | undefined,
    change: (p: ApplicationPayload) => ApplicationPayload,
    action: string,
  ): Promise<EditOutcome> {
    // A draft may hold any valid Partita IVA, even one another firm holds: only
    // the submission reserves it (companyApplicationService.submit).
    return transaction(async (tx) => {
      const current = await workspace(user, tx);
      if (!current.editable) return { ok: false, reason: "locked" } as const;
      const payload = change(current.payload);
      if (payload.measures.length > Math.max(MAX_MEASURES, current.payload.measures.length))
        return { ok: false, reason: "tooManyMeasures" } as const;
      let organizationId = current.organization?.id;
      if (!organizationId) {
        const slug = `${slugify(payload.organization.name ?? "")}-${randomBytes(3).toString("hex")}`;
        organizationId = (await companies.createOrganization(slug, header(payload.organization), tx)).id;
        await companies.linkUser(user.id, organizationId, tx);
        user.organizationId = organizationId;
      } else {
        await companies.updateDraftHeader(organizationId, header(payload.organization), tx);
      }
      const app = current.application;
      const isOpen = app && ["DRAFT", "CHANGES_REQUESTED"].includes(app.status);
      let applicationId: number;
      if (isOpen) {
        if (
          version !== app.version ||
          !(await companies.updateApplication(app.id, app.version, ["DRAFT", "CHANGES_REQUESTED"], { payload }, tx))
        ) {
          return { ok: false, reason: "conflict" } as const;
        }
        applicationId = app.id;
      } else {
        const kind = current.organization?.registryStatus === "REGISTERED" ? "REVISION" : "INITIAL";
        applicationId = (await companies.createApplication(organizationId, kind, payload, tx)).id;
      }
      await audit.change(
        tx,
        user,
        action,
        ["Application", applicationId],
        undefined,
        draftChanges(current.payload, payload),
      );
      return { ok: true } as const;
    });
  }

  return {
    workspace: (user: Express.User) => workspace(user),
    /** Another organization holds the number (submitting would be refused). */
    vatNumberTaken: (vatNumber: string, organizationId: number | null) =>
      companies.vatNumberTaken(vatNumber, organizationId),

    /** What is online beside what is pending, for a registered organization with an open revision. */
    async revision(user: Express.User) {
      const current = await workspace(user);
      const org = current.organization;
      if (!org || !user.organizationId || !["REGISTERED", "SUSPENDED"].includes(org.registryStatus)) return null;
      const online = await companies.published(user.organizationId);
      const app = current.application;
      const pending =
        app?.kind === "REVISION" && ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(app.status) ? app : null;
      return { ...current, online, pending, diff: pending ? diffPayload(online, current.payload) : null };
    },

    /** Saves the organization form; the seat is placed (geocoded) before the transaction, never inside it. */
    async saveOrganization(
      user: Express.User,
      version: number | undefined,
      organization: OrganizationDraft,
      seat: { comune?: ComunePlace | undefined; confirmed?: boolean } = {},
    ) {
      const previous = (await workspace(user)).payload.organization;
      const placed = await placeSeat(previous, organization, seat.comune, geocoder, seat.confirmed ?? false);
      return edit(user, version, (p) => ({ ...p, organization: placed }), "application.saveOrganization");
    },

    /** Adds a measure (key null) or replaces the one with that key, keeping its link to the published measure. */
    saveMeasure: (
      user: Express.User,
      version: number | undefined,
      key: string | null,
      measure: Omit<MeasureDraft, "key" | "measureId">,
    ) =>
      edit(
        user,
        version,
        (p) => {
          if (key === null)
            return { ...p, measures: [...p.measures, { ...measure, key: `n${randomBytes(4).toString("hex")}` }] };
          return {
            ...p,
            measures: p.measures.map((m) => (m.key === key ? { ...measure, key, measureId: m.measureId } : m)),
          };
        },
        "application.saveMeasure",
      ),

    removeMeasure: (user: Express.User, version: number | undefined, key: string) =>
      edit(
        user,
        version,
        (p) => ({ ...p, measures: p.measures.filter((m) => m.key !== key) }),
        "application.removeMeasure",
      ),
  };
}

export type CompanyDraftService = ReturnType<typeof createCompanyDraftService>;
