import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { NetworkRepository } from "../../data/territory/networkRepository.js";
import { refreshSearchData } from "../../data/registry/searchIndexRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { MeasureRow } from "../../domain/applicationPayload.js";
import type { Actor } from "../review/reviewService.js";
import type { RegisterAdminRepository } from "../../data/review/registerAdminRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { DecisionKind, DecisionMails } from "../review/decisionMails.js";

export type NetworkOutcome =
  | { ok: true; networkId: number }
  | { ok: false; reason: "notFound" | "notRegistered" | "notLead" | "isLead" | "conflict" | "alreadyMember" };

/** What a network measure proposal stores: the same fields as an organization's measure. */
export type NetworkMeasureInput = MeasureRow;

export const fail = (reason: Exclude<NetworkOutcome, { ok: true }>["reason"]) => ({ ok: false, reason }) as const;

/** Search data follow a network's public measures and active members (the register search includes them). */
export const refresh = (tx: Db, ids: number[]) => refreshSearchData(tx, [...new Set(ids)]);

/**
 * Tells a firm, by e-mail in its transaction, what happened to it in a
 * network: the network's name is the detail, followed by `about` (another firm's name).
 */
export type NetworkNotice = (
  tx: Db,
  kind: DecisionKind,
  organizationId: number,
  networkId: number,
  about?: string,
) => Promise<void>;

export function networkNotice(deps: {
  networks: NetworkRepository;
  register: RegisterAdminRepository;
  outbox: OutboxRepository;
  mails: DecisionMails;
}): NetworkNotice {
  const { networks, register, outbox, mails } = deps;
  return async (tx, kind, organizationId, networkId, about) => {
    const network = await networks.byId(networkId, tx);
    const org = await register.status(organizationId, tx);
    const detail = [network?.name ?? "", about].filter(Boolean).join(" — ");
    await outbox.enqueueAll(mails.decision(kind, org, detail), tx);
  };
}

/**
 * A REQUESTED membership accepted or rejected by staff or by the lead, audited
 * and told to the firm that asked in the same transaction.
 */
export function membershipDecider(networks: NetworkRepository, audit: AuditRepository, notice: NetworkNotice) {
  return async function decideMembership(
    tx: Db,
    actor: Actor,
    networkId: number,
    organizationId: number,
    accept: boolean,
  ): Promise<NetworkOutcome> {
    const to = accept ? "ACTIVE" : "REJECTED";
    if (accept && (await networks.organization(organizationId, tx))?.registryStatus !== "REGISTERED")
      return fail("notRegistered");
    if (!(await networks.moveMembership(networkId, organizationId, "REQUESTED", to, tx))) return fail("conflict");
    if (accept) await refresh(tx, [organizationId]);
    await audit.change(
      tx,
      actor,
      accept ? "network.member.accept" : "network.member.reject",
      ["Network", networkId],
      { organizationId, status: "REQUESTED" },
      { organizationId, status: to },
    );
    await notice(tx, accept ? "NETWORK_MEMBER_ACCEPTED" : "NETWORK_MEMBER_REJECTED", organizationId, networkId);
    return { ok: true, networkId };
  };
}
