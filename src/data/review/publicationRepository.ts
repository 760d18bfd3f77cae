import { measureRow, type ApplicationPayload } from "../../domain/applicationPayload.js";
import { sizeClassFor } from "../../domain/sizeClass.js";
import { classificationBasisChanged } from "../../domain/payloadDiff.js";
import { refreshSearchData } from "../registry/searchIndexRepository.js";
import type { Db } from "../shared/db.js";

/**
 * Makes an approved payload the public version of an organization: its data,
 * its measures (revised, added, removed) and its search columns. Runs inside
 * the approval's transaction; the payload was checked complete before.
 * Answers the measures it opened to citizens: added open, or revised from
 * closed to open (what the alerts near me tell of).
 */
export async function publishPayload(tx: Db, organizationId: number, payload: ApplicationPayload): Promise<number[]> {
  const o = payload.organization;
  await tx.organization.update({
    where: { id: organizationId },
    data: {
      name: o.name ?? "",
      legalForm: o.legalForm ?? "",
      vatNumber: o.vatNumber ?? null,
      taxCode: o.taxCode ?? null,
      atecoSectionCode: o.atecoSectionCode ?? null,
      employees: o.employees ?? null,
      sizeClass: o.employees === undefined ? null : sizeClassFor(o.employees),
      address: o.address ?? "",
      comuneCode: o.comuneCode ?? null,
      lat: o.lat ?? null,
      lon: o.lon ?? null,
      // Payloads written before precision was recorded had their points placed by hand or by staff.
      positionPrecision: o.positionPrecision ?? "EXACT",
      website: o.website ?? null,
      contactEmail: o.contactEmail ?? null,
      phone: o.phone ?? null,
      description: o.description ?? "",
      welfareStage: o.welfareStage ?? "ACTIVE",
    },
  });
  const kept = payload.measures.flatMap((m) => (m.measureId ? [m.measureId] : []));
  // A measure left out of the revision leaves the register with its classifications;
  // the audit entry of the approval keeps the version that was public.
  const removed = await tx.measure.findMany({ where: { organizationId, id: { notIn: kept } }, select: { id: true } });
  if (removed.length) {
    const ids = removed.map((m) => m.id);
    await tx.classification.deleteMany({ where: { measureId: { in: ids } } });
    await tx.contribution.updateMany({ where: { measureId: { in: ids } }, data: { measureId: null } });
    await tx.measure.deleteMany({ where: { id: { in: ids } } });
  }
  const published = new Map(
    (await tx.measure.findMany({ where: { organizationId, id: { in: kept } } })).map((m) => [m.id, m]),
  );
  const opened: number[] = [];
  for (const m of payload.measures) {
    const row = measureRow(m);
    const before = m.measureId ? published.get(m.measureId) : undefined;
    if (m.measureId) {
      if (row.openToCitizens && !before?.openToCitizens) opened.push(m.measureId);
      // A classification given on what the measure was no longer holds: it is
      // re-examined (the public page, filters, statistics and open data stop
      // counting the old outcome; the classification history keeps it).
      const stale =
        before?.currentOutcome && before.currentOutcome !== "UNDER_REVIEW" && classificationBasisChanged(before, row);
      await tx.measure.update({
        where: { id: m.measureId, organizationId },
        data: stale ? { ...row, currentOutcome: "UNDER_REVIEW" } : row,
      });
    } else {
      const created = await tx.measure.create({ data: { organizationId, ...row }, select: { id: true } });
      if (row.openToCitizens) opened.push(created.id);
    }
  }
  await refreshSearchData(tx, [organizationId]);
  return opened;
}

/**
 * The next registry number of a year, e.g. RWB-2026-0042. The counter row is
 * locked until the approving transaction ends, so numbers are consecutive and
 * a number is never given twice; a rolled-back approval gives its number back.
 */
export async function nextRegistryNumber(tx: Db, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "RegistryCounter" (year, "lastNumber") VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET "lastNumber" = "RegistryCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return `RWB-${year}-${String(rows[0]!.lastNumber).padStart(4, "0")}`;
}

/** The current public version of an organization, in payload form: the base of a revision. */
export async function publishedPayload(db: Db, organizationId: number): Promise<ApplicationPayload> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: { measures: { orderBy: { id: "asc" } } },
  });
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    organization: {
      name: org.name,
      legalForm: org.legalForm,
      vatNumber: opt(org.vatNumber),
      taxCode: opt(org.taxCode),
      atecoSectionCode: opt(org.atecoSectionCode),
      employees: opt(org.employees),
      address: org.address,
      comuneCode: opt(org.comuneCode),
      lat: opt(org.lat),
      lon: opt(org.lon),
      positionPrecision: org.positionPrecision,
      website: opt(org.website),
      contactEmail: opt(org.contactEmail),
      phone: opt(org.phone),
      description: org.description,
      welfareStage: org.welfareStage,
    },
    measures: org.measures.map((m) => ({
      key: `m${m.id}`,
      measureId: m.id,
      title: m.title,
      description: m.description,
      category: m.category,
      status: m.status,
      beneficiaries: m.beneficiaries,
      openToCitizens: m.openToCitizens,
      areaServed: m.areaServed,
      accessConditions: m.accessConditions,
      costToCitizens: m.costToCitizens,
      capacity: opt(m.capacity),
      startsOn: iso(m.startsOn),
      endsOn: iso(m.endsOn),
      partners: m.partners,
      pilot: m.pilot,
      pilotOutcome: opt(m.pilotOutcome),
      pilotLessons: m.pilotLessons,
    })),
  };
}
