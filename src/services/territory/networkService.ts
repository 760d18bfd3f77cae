import { randomBytes } from "node:crypto";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { NetworkRepository } from "../../data/territory/networkRepository.js";
import type { RegisterAdminRepository } from "../../data/review/registerAdminRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { slugify } from "../../domain/slug.js";
import { fail, membershipDecider, networkNotice, refresh, type NetworkOutcome } from "./networkRules.js";
import { recordClassification, type ClassificationInput } from "../review/registerUpkeepService.js";
import type { Actor } from "../review/reviewService.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { DecisionMails } from "../review/decisionMails.js";

/**
 * Networks of firms as the public and staff see them: staff create
 * networks, keep their members, approve or reject the measures the lead
 * proposes and classify them. Whatever changes a network's public measures or
 * active members refreshes those organizations' search data in the same transaction.
 */
export function createNetworkService(deps: {
  networks: NetworkRepository;
  register: RegisterAdminRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  outbox: OutboxRepository;
  mails: DecisionMails;
}) {
  const { networks, register, audit, transaction, outbox, mails } = deps;
  const notice = networkNotice(deps);
  const decideMembership = membershipDecider(networks, audit, notice);

  return {
    listPublic: () => networks.listPublic(),
    publicPage: (slug: string) => networks.findPublicBySlug(slug),
    listAll: () => networks.listAll(),
    detail: (id: number) => networks.findById(id),
    registeredOrganizations: () => networks.registeredOrganizations(),

    async create(
      actor: Actor,
      input: { name: string; description: string; leadOrganizationId: number },
    ): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        if ((await networks.organization(input.leadOrganizationId, tx))?.registryStatus !== "REGISTERED")
          return fail("notRegistered");
        let slug = slugify(input.name);
        if (await networks.bySlug(slug, tx)) slug = `${slug}-${randomBytes(2).toString("hex")}`;
        const network = await networks.create({ ...input, slug }, tx);
        await networks.putMembership(network.id, input.leadOrganizationId, "ACTIVE", tx);
        await refresh(tx, [input.leadOrganizationId]);
        await audit.change(tx, actor, "network.create", ["Network", network.id], undefined, { ...input, slug });
        return { ok: true, networkId: network.id };
      });
    },

    async addMember(actor: Actor, networkId: number, organizationId: number): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        if (!(await networks.byId(networkId, tx))) return fail("notFound");
        if ((await networks.organization(organizationId, tx))?.registryStatus !== "REGISTERED")
          return fail("notRegistered");
        const before = await networks.membership(networkId, organizationId, tx);
        if (before?.status === "ACTIVE") return fail("alreadyMember");
        await networks.putMembership(networkId, organizationId, "ACTIVE", tx);
        await refresh(tx, [organizationId]);
        await audit.change(
          tx,
          actor,
          "network.member.add",
          ["Network", networkId],
          before ? { organizationId, status: before.status } : null,
          { organizationId, status: "ACTIVE" },
        );
        await notice(tx, "NETWORK_MEMBER_ADDED", organizationId, networkId);
        return { ok: true, networkId };
      });
    },

    staffDecide: (actor: Actor, networkId: number, organizationId: number, accept: boolean) =>
      transaction((tx) => decideMembership(tx, actor, networkId, organizationId, accept)),

    /** Staff remove an active member (never the lead). */
    async removeMember(actor: Actor, networkId: number, organizationId: number): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const network = await networks.byId(networkId, tx);
        if (!network) return fail("notFound");
        if (network.leadOrganizationId === organizationId) return fail("isLead");
        if (!(await networks.moveMembership(networkId, organizationId, "ACTIVE", "LEFT", tx))) return fail("conflict");
        await refresh(tx, [organizationId]);
        await audit.change(
          tx,
          actor,
          "network.member.remove",
          ["Network", networkId],
          { organizationId, status: "ACTIVE" },
          { organizationId, status: "LEFT" },
        );
        await notice(tx, "NETWORK_MEMBER_REMOVED", organizationId, networkId);
        return { ok: true, networkId };
      });
    },

    /** Staff approve a proposal (it becomes public) or reject it, or withdraw an approved measure, with a reason. */
    async reviewMeasure(
      actor: Actor,
      networkId: number,
      measureId: number,
      approve: boolean,
      reason: string | null,
    ): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const measure = await networks.measure(measureId, tx);
        if (!measure?.networkId || measure.networkId !== networkId || !measure.networkReview) return fail("notFound");
        const to = approve ? "APPROVED" : "REJECTED";
        const from = measure.networkReview;
        if (from === to || (approve && from !== "PROPOSED")) return fail("conflict");
        if (!(await networks.reviewMeasure(measureId, from, to, reason, tx))) return fail("conflict");
        if (approve || from === "APPROVED") await refresh(tx, await networks.activeMemberIds(measure.networkId, tx));
        await audit.change(
          tx,
          actor,
          approve ? "network.measure.approve" : "network.measure.reject",
          ["Measure", measureId],
          { networkReview: from },
          { networkReview: to, reason },
        );
        // The lead firm, which proposed it, hears the decision and its reason.
        const network = await networks.byId(measure.networkId, tx);
        const lead = network ? await register.status(network.leadOrganizationId, tx) : null;
        const detail = reason ? `«${measure.title}»: ${reason}` : `«${measure.title}»`;
        await outbox.enqueueAll(
          mails.decision(approve ? "NETWORK_MEASURE_APPROVED" : "NETWORK_MEASURE_REJECTED", lead, detail),
          tx,
        );
        return { ok: true, networkId: measure.networkId };
      });
    },

    /** Classified like any other measure: history kept, the latest is current. */
    async classify(
      actor: Actor,
      networkId: number,
      measureId: number,
      input: ClassificationInput,
    ): Promise<NetworkOutcome> {
      return transaction(async (tx) => {
        const measure = await networks.measure(measureId, tx);
        if (!measure?.networkId || measure.networkId !== networkId) return fail("notFound");
        await recordClassification({ register, audit }, tx, measure, actor, input);
        return { ok: true, networkId: measure.networkId };
      });
    },
  };
}

export type NetworkService = ReturnType<typeof createNetworkService>;
