import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { NetworkRepository } from "../../data/territory/networkRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import {
  fail,
  membershipDecider,
  networkNotice,
  refresh,
  type NetworkMeasureInput,
  type NetworkOutcome,
} from "./networkRules.js";
import type { RegisterAdminRepository } from "../../data/review/registerAdminRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { DecisionMails } from "../review/decisionMails.js";

/**
 * Networks of firms from the company area: a registered firm asks to join or
 * leaves; the lead organization's users decide requests and propose shared
 * measures, which stay private until staff approve them.
 */
export function createNetworkCompanyService(deps: {
  networks: NetworkRepository;
  register: RegisterAdminRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  outbox: OutboxRepository;
  mails: DecisionMails;
}) {
  const { networks, audit, transaction } = deps;
  const notice = networkNotice(deps);
  const decideMembership = membershipDecider(networks, audit, notice);

  async function registeredOrg(user: Express.User, tx: Db) {
    if (user.organizationId === null) return null;
    const org = await networks.organization(user.organizationId, tx);
    return org?.registryStatus === "REGISTERED" ? org : null;
  }

  return {
    forCompany: (organizationId: number) => networks.forCompany(organizationId),
    ledBy: (slug: string, organizationId: number) => networks.ledBy(slug, organizationId),

    async requestJoin(user: Express.User, slug: string): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const org = await registeredOrg(user, tx);
        if (!org) return fail("notRegistered");
        const network = await networks.bySlug(slug, tx);
        const lead = network && (await networks.organization(network.leadOrganizationId, tx));
        if (!network || lead?.registryStatus !== "REGISTERED") return fail("notFound");
        const before = await networks.membership(network.id, org.id, tx);
        if (before && (before.status === "ACTIVE" || before.status === "REQUESTED")) return fail("alreadyMember");
        await networks.putMembership(network.id, org.id, "REQUESTED", tx);
        await audit.change(tx, user, "network.member.request", ["Network", network.id], undefined, {
          organizationId: org.id,
          status: "REQUESTED",
        });
        // The lead firm decides: it is told who asked.
        await notice(tx, "NETWORK_JOIN_REQUESTED", network.leadOrganizationId, network.id, org.name);
        return { ok: true, networkId: network.id };
      });
    },

    /** A member leaves (or withdraws its request); the lead cannot leave its own network. */
    async leave(user: Express.User, slug: string): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const network = await networks.bySlug(slug, tx);
        if (!network || user.organizationId === null) return fail("notFound");
        const organizationId = user.organizationId;
        if (network.leadOrganizationId === organizationId) return fail("isLead");
        const before = await networks.membership(network.id, organizationId, tx);
        if (!before || (before.status !== "ACTIVE" && before.status !== "REQUESTED")) return fail("conflict");
        if (!(await networks.moveMembership(network.id, organizationId, before.status, "LEFT", tx)))
          return fail("conflict");
        if (before.status === "ACTIVE") await refresh(tx, [organizationId]);
        await audit.change(
          tx,
          user,
          "network.member.leave",
          ["Network", network.id],
          { organizationId, status: before.status },
          { organizationId, status: "LEFT" },
        );
        return { ok: true, networkId: network.id };
      });
    },

    /** The lead organization's users accept or reject requests to join. */
    async leadDecide(
      user: Express.User,
      slug: string,
      organizationId: number,
      accept: boolean,
    ): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const org = await registeredOrg(user, tx);
        const network = await networks.bySlug(slug, tx);
        if (!network || !org || network.leadOrganizationId !== org.id) return fail("notLead");
        return decideMembership(tx, user, network.id, organizationId, accept);
      });
    },

    async proposeMeasure(user: Express.User, slug: string, input: NetworkMeasureInput): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const org = await registeredOrg(user, tx);
        const network = await networks.bySlug(slug, tx);
        if (!network || !org || network.leadOrganizationId !== org.id) return fail("notLead");
        const measure = await networks.createMeasure(network.id, input, tx);
        await audit.change(tx, user, "network.measure.propose", ["Measure", measure.id], undefined, {
          networkId: network.id,
          ...input,
        });
        return { ok: true, networkId: network.id };
      });
    },
  };
}

export type NetworkCompanyService = ReturnType<typeof createNetworkCompanyService>;
