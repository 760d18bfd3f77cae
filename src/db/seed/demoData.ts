import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { refreshSearchData } from "../../data/registry/searchIndexRepository.js";
import type { ApplicationPayload } from "../../domain/applicationPayload.js";
import { publishedPayload } from "../../data/review/publicationRepository.js";
import { buildDemoRegister, HIDDEN_NAMES, REVISION_MARK, type DemoRegister } from "./demoRegister.js";
import { at, type PlannedOrganization } from "./demoPlan.js";
import { seedDemoTerritory } from "./demoTerritory.js";
import { seedDemoOutreach } from "./demoOutreach.js";
import { seedDemoProject } from "./demoProject.js";
import { seedDemoLocalAuthority } from "./demoLocalAuthority.js";
import { seedDemoReport } from "./demoReport.js";

/** Never a valid hash: demo accounts cannot log in until auth sets a password. */
export const DEMO_PASSWORD_PLACEHOLDER = "!demo-account-without-password";
export const DEMO_REVIEWER_EMAIL = "revisore@demo.invalid";

export interface DemoSummary {
  organizations: number;
  public: number;
  measures: number;
  perCategory: Record<string, number>;
  openToCitizens: number;
  classifiedMeasures: number;
  classifications: number;
  hidden: string[];
}

// Any constant distinct from the other advisory locks (src/db/startupLock.ts).
const DEMO_SEED_LOCK = 7_461_203_116;

/**
 * Fills an empty register with fictitious organizations (isDemo, "Dati
 * dimostrativi"). Does nothing and returns null when any organization exists.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<DemoSummary | null> {
  if ((await prisma.organization.count()) > 0) return null;
  const comuni = new Map((await prisma.comune.findMany()).map((c) => [c.istatCode, c]));
  const register = buildDemoRegister(comuni);
  const written = await prisma.$transaction(
    async (tx) => {
      // Two processes seeding at once: the second waits here, then finds the register filled.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK}::bigint)`;
      if ((await tx.organization.count()) > 0) return false;
      await writeRegister(tx, register);
      await seedDemoTerritory(tx);
      await seedDemoOutreach(tx);
      await seedDemoProject(tx);
      await seedDemoLocalAuthority(tx, DEMO_PASSWORD_PLACEHOLDER);
      await seedDemoReport(tx);
      await refreshSearchData(tx, null);
      return true;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return written ? summarize(register.plans) : null;
}

async function writeRegister(tx: Prisma.TransactionClient, register: DemoRegister): Promise<void> {
  const reviewer = await upsertUser(tx, DEMO_REVIEWER_EMAIL, "Revisore dimostrativo", "REVIEWER", null);
  for (const plan of register.plans) {
    const org = await tx.organization.create({
      data: {
        ...plan.data,
        measures: {
          create: plan.measures.map(({ data, classifications }) => ({
            ...data,
            currentOutcome: classifications.at(-1)?.outcome ?? null,
            classifications: { create: classifications.map((c) => ({ ...c, reviewerId: reviewer.id })) },
          })),
        },
      },
    });
    const account = register.companyUsers.find((u) => u.slug === org.slug);
    const user = account ? await upsertUser(tx, account.email, account.name, "COMPANY", org.id) : null;
    for (const { events, payload, ...application } of plan.applications) {
      await tx.application.create({
        data: {
          ...application,
          payload: (payload ?? (await revisedPayload(tx, org.id))) as Prisma.InputJsonObject,
          organizationId: org.id,
          version: events.length,
          events: {
            create: events.map(({ actor, ...event }) => ({
              ...event,
              actorId: actor === "reviewer" ? reviewer.id : (user?.id ?? null),
            })),
          },
        },
      });
    }
    if (org.registryStatus === "SUSPENDED" || org.registryStatus === "WITHDRAWN") {
      const suspended = org.registryStatus === "SUSPENDED";
      await tx.auditEntry.create({
        data: {
          actorId: suspended ? reviewer.id : null,
          actorLabel: suspended ? `${reviewer.name} <${reviewer.email}>` : "Legale rappresentante (demo)",
          action: suspended ? "organization.suspend" : "organization.withdraw",
          entityType: "Organization",
          entityId: String(org.id),
          before: { registryStatus: "REGISTERED" },
          after: {
            registryStatus: org.registryStatus,
            reason: suspended
              ? "Segnalazione di un cittadino: le misure dichiarate non risultano attive. Sospesa in attesa di verifica."
              : "L'impresa ha chiesto la cancellazione dal registro per cessata attività.",
          },
          createdAt: new Date(
            Math.min(
              at("2026-11-15").getTime(),
              (org.registeredAt?.getTime() ?? 0) + (suspended ? 240 : 300) * 86_400_000,
            ),
          ),
        },
      });
    }
  }
  // Numbers are never reused: the counter only moves forward.
  for (const [year, used] of register.registryCounters) {
    const lastNumber = Math.max(used, (await tx.registryCounter.findUnique({ where: { year } }))?.lastNumber ?? 0);
    await tx.registryCounter.upsert({ where: { year }, create: { year, lastNumber }, update: { lastNumber } });
  }
}

/** The published version with a new description and one more measure, as a company would send it. */
async function revisedPayload(tx: Prisma.TransactionClient, organizationId: number): Promise<ApplicationPayload> {
  const published = await publishedPayload(tx, organizationId);
  const added = published.measures.slice(0, 1).map(({ measureId: _published, ...m }) => ({
    ...m,
    key: "nuova-1",
    title: `Misura ${REVISION_MARK}`,
  }));
  return {
    organization: { ...published.organization, description: `${REVISION_MARK}: nuova descrizione in attesa di esame.` },
    measures: [...published.measures, ...added],
  };
}

function upsertUser(
  tx: Prisma.TransactionClient,
  email: string,
  name: string,
  role: "COMPANY" | "REVIEWER",
  organizationId: number | null,
) {
  const data = { name, role, organizationId, emailVerifiedAt: at("2024-01-10"), privacyAcceptedAt: at("2024-01-10") };
  return tx.user.upsert({
    where: { email },
    create: { email, passwordHash: DEMO_PASSWORD_PLACEHOLDER, ...data },
    update: data,
  });
}

export function summarize(plans: PlannedOrganization[]): DemoSummary {
  const published = plans.filter((p) => p.data.registryStatus === "REGISTERED");
  const measures = published.flatMap((p) => p.measures);
  const perCategory: Record<string, number> = {};
  for (const m of measures) perCategory[m.data.category] = (perCategory[m.data.category] ?? 0) + 1;
  return {
    organizations: plans.length,
    public: published.length,
    measures: measures.length,
    perCategory,
    openToCitizens: measures.filter((m) => m.data.openToCitizens).length,
    classifiedMeasures: measures.filter((m) => m.classifications.length > 0).length,
    classifications: measures.reduce((sum, m) => sum + m.classifications.length, 0),
    hidden: HIDDEN_NAMES,
  };
}
