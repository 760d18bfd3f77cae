import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type {
  ContributionData,
  ContributionRepository,
  FundingTotal,
} from "../../data/outreach/contributionRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { Actor } from "../review/reviewService.js";

/** What staff record about a contribution (the admin form's fields). */
export type { ContributionData };

type Outcome =
  | { ok: true; id: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "badLink"; field: "networkId" | "measureId" | "eventId" };

/** Decimals as strings in the activity register, as the form typed them (Prisma gives Decimal objects). */
type Stored = Omit<ContributionData, "amount" | "estimatedValue"> & {
  amount: { toString(): string } | null;
  estimatedValue: { toString(): string } | null;
};

const snapshot = (c: Stored) => ({
  activity: c.activity,
  kind: c.kind,
  amount: c.amount === null ? null : String(c.amount),
  description: c.description,
  estimatedValue: c.estimatedValue === null ? null : String(c.estimatedValue),
  resource: c.resource,
  fundedBy: c.fundedBy,
  grantedOn: c.grantedOn,
  networkId: c.networkId,
  measureId: c.measureId,
  eventId: c.eventId,
  isPublic: c.isPublic,
});

/** Contributions, in money or in kind, and their report (rendicontazione) per funder, activity and year. */
export function createContributionService(deps: {
  contributions: ContributionRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  totals: (options: { publicOnly: boolean }) => Promise<FundingTotal[]>;
}) {
  const { contributions, audit, transaction } = deps;

  async function checkLinks(
    data: ContributionData,
    tx: Parameters<Parameters<RunInTransaction>[0]>[0],
  ): Promise<Outcome | null> {
    const exists = await contributions.linksExist(data, tx);
    if (!exists.network) return { ok: false, reason: "badLink", field: "networkId" };
    if (!exists.measure) return { ok: false, reason: "badLink", field: "measureId" };
    if (!exists.event) return { ok: false, reason: "badLink", field: "eventId" };
    return null;
  }

  return {
    list: () => contributions.list(),
    find: (id: number) => contributions.find(id),
    linkChoices: (current: Parameters<ContributionRepository["linkChoices"]>[0] = null) =>
      contributions.linkChoices(current),
    totals: deps.totals,

    create(actor: Actor, data: ContributionData): Promise<Outcome> {
      return transaction(async (tx) => {
        const invalid = await checkLinks(data, tx);
        if (invalid) return invalid;
        const created = await contributions.create(data, tx);
        await audit.change(tx, actor, "contribution.create", ["Contribution", created.id], undefined, snapshot(data));
        return { ok: true, id: created.id };
      });
    },

    update(id: number, actor: Actor, data: ContributionData): Promise<Outcome> {
      return transaction(async (tx) => {
        const before = await contributions.find(id, tx);
        if (!before) return { ok: false, reason: "notFound" };
        const invalid = await checkLinks(data, tx);
        if (invalid) return invalid;
        await contributions.update(id, data, tx);
        await audit.change(tx, actor, "contribution.update", ["Contribution", id], snapshot(before), snapshot(data));
        return { ok: true, id };
      });
    },

    delete(id: number, actor: Actor): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await contributions.find(id, tx);
        if (!before) return false;
        await contributions.delete(id, tx);
        await audit.change(tx, actor, "contribution.delete", ["Contribution", id], snapshot(before));
        return true;
      });
    },
  };
}

export type ContributionService = ReturnType<typeof createContributionService>;
