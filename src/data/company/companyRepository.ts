import type { Prisma } from "../../generated/prisma/client.js";
import type {
  ApplicationEventType,
  ApplicationKind,
  ApplicationStatus,
  PositionPrecision,
  RegistryStatus,
} from "../../generated/prisma/enums.js";
import type { ApplicationPayload } from "../../domain/applicationPayload.js";
import { publishedPayload } from "../review/publicationRepository.js";
import { refreshSearchData } from "../registry/searchIndexRepository.js";
import type { Db } from "../shared/db.js";

/**
 * Header fields of a never-approved organization, copied from its draft. Not the
 * Partita IVA: a draft reserves no number (holdVatNumber, at submission).
 */
export interface DraftHeader {
  name: string;
  comuneCode: string | null;
  lat: number | null;
  lon: number | null;
  positionPrecision: PositionPrecision;
}

const json = (payload: ApplicationPayload) => JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue;
export const openStatuses: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"];

/** The company area's reads and writes of its organization and applications. */
export function createCompanyRepository(db: Db) {
  return {
    /** The reason and date of the organization's latest suspension, from the activity register. */
    async lastSuspension(organizationId: number, tx: Db = db): Promise<{ reason: string; at: Date } | null> {
      const entry = await tx.auditEntry.findFirst({
        where: { action: "organization.suspend", entityType: "Organization", entityId: String(organizationId) },
        orderBy: { id: "desc" },
        select: { after: true, createdAt: true },
      });
      const reason = (entry?.after as { reason?: unknown } | null)?.reason;
      return entry && typeof reason === "string" ? { reason, at: entry.createdAt } : null;
    },

    findOrganization(id: number, tx: Db = db) {
      return tx.organization.findUnique({ where: { id }, include: { comune: { select: { name: true } } } });
    },
    createOrganization(slug: string, header: DraftHeader, tx: Db = db) {
      return tx.organization.create({ data: { slug, ...header } });
    },
    /** Only for NOT_REGISTERED organizations: registered ones keep their approved data. */
    updateDraftHeader(id: number, header: DraftHeader, tx: Db = db) {
      return tx.organization.updateMany({ where: { id, registryStatus: "NOT_REGISTERED" }, data: header });
    },
    /** Another organization holds the number: it is registered, or its first application is submitted. */
    async vatNumberTaken(vatNumber: string, exceptOrganizationId: number | null, tx: Db = db) {
      const other = await tx.organization.findFirst({
        where: { vatNumber, NOT: { id: exceptOrganizationId ?? -1 } },
        select: { id: true },
      });
      return other !== null;
    },
    /**
     * A never-registered organization takes its Partita IVA when it submits (the
     * unique index refuses a number another one holds); a registered one changes
     * its number only when staff approve the revision (publishPayload).
     */
    holdVatNumber(id: number, vatNumber: string | null, tx: Db = db) {
      return tx.organization.updateMany({ where: { id, registryStatus: "NOT_REGISTERED" }, data: { vatNumber } });
    },
    /** The status and, with it, the search text of the members of the networks it leads. */
    async setRegistryStatus(id: number, registryStatus: RegistryStatus, tx: Db = db) {
      const organization = await tx.organization.update({ where: { id }, data: { registryStatus } });
      await refreshSearchData(tx, [id]);
      return organization;
    },
    linkUser(userId: number, organizationId: number, tx: Db = db) {
      return tx.user.update({ where: { id: userId }, data: { organizationId } });
    },
    published: (organizationId: number, tx: Db = db) => publishedPayload(tx, organizationId),

    /** The open application, or else the latest one; its events oldest first. */
    async currentApplication(organizationId: number, tx: Db = db) {
      const include = {
        events: { orderBy: { id: "asc" as const }, include: { actor: { select: { name: true, role: true } } } },
      };
      return (
        (await tx.application.findFirst({
          where: { organizationId, status: { in: openStatuses } },
          orderBy: { id: "desc" },
          include,
        })) ??
        (await tx.application.findFirst({
          where: { organizationId, status: { not: "CANCELLED" } },
          orderBy: { id: "desc" },
          include,
        }))
      );
    },
    createApplication(organizationId: number, kind: ApplicationKind, payload: ApplicationPayload, tx: Db = db) {
      return tx.application.create({ data: { organizationId, kind, payload: json(payload) } });
    },
    /** Optimistic lock: 0 rows when someone changed the application since it was read. */
    async updateApplication(
      id: number,
      version: number,
      from: ApplicationStatus[],
      data: { payload?: ApplicationPayload; status?: ApplicationStatus; submittedAt?: Date; decidedAt?: Date },
      tx: Db = db,
    ) {
      const { payload, ...rest } = data;
      const updated = await tx.application.updateMany({
        where: { id, version, status: { in: from } },
        data: { ...rest, ...(payload ? { payload: json(payload) } : {}), version: { increment: 1 } },
      });
      return updated.count === 1;
    },
    addEvent(
      applicationId: number,
      type: ApplicationEventType,
      actorId: number | null,
      comment: string | null,
      tx: Db = db,
    ) {
      return tx.applicationEvent.create({ data: { applicationId, type, actorId, comment } });
    },
  };
}

export type CompanyRepository = ReturnType<typeof createCompanyRepository>;
