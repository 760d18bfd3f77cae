import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { NetworkRepository } from "../../data/territory/networkRepository.js";
import { refreshSearchData } from "../../data/registry/searchIndexRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { MeasureRow } from "../../domain/applicationPayload.js";
import type { Actor } from "../review/reviewService.js";

export type NetworkOutcome =
  | { ok: true; networkId: number }
  | { ok: false; reason: "notFound" | "notRegistered" | "notLead" | "isLead" | "conflict" | "alreadyMember" };

/** What a network measure proposal stores: the same fields as an organization's measure. */
export type NetworkMeasureInput = MeasureRow;

export const fail = (reason: Exclude<NetworkOutcome, { ok: true }>["reason"]) => ({ ok: false, reason }) as const;

/** Search data follow a network's public measures and active members (the register search includes them). */
export const refresh = (tx: Db, ids: number[]) => refreshSearchData(tx, [...new Set(ids)]);

/** A REQUESTED membership accepted or rejected by staff or by the lead, audited in the same transaction. */
export function membershipDecider(networks: NetworkRepository, audit: AuditRepository) {
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
    return { ok: true, networkId };
  };
}
