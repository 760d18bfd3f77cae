import { Prisma } from "../../generated/prisma/client.js";

/**
 * The one home of the rule "a network is public while its lead organization is
 * in the register", in the two forms the repositories need (a Prisma filter and
 * SQL), side by side so that they cannot drift apart. A public network's
 * approved measures count as its participants' own (the lead and the active
 * members): in the register search, on their pages and in their search text.
 */
export const publicNetwork = { leadOrganization: { registryStatus: "REGISTERED" } } as const;

/** Who takes part in which public network: rows of ("networkId", "organizationId"). */
export const publicNetworkParticipants = Prisma.sql`
  SELECT p."networkId", p."organizationId"
  FROM (SELECT id AS "networkId", "leadOrganizationId" AS "organizationId" FROM "Network"
        UNION SELECT "networkId", "organizationId" FROM "NetworkMembership" WHERE status = 'ACTIVE') p
  JOIN "Network" n ON n.id = p."networkId"
  JOIN "Organization" lead ON lead.id = n."leadOrganizationId" AND lead."registryStatus" = 'REGISTERED'`;

/**
 * The organizations whose search text depends on the status of `leadIds`: the
 * leads themselves and the active members of the networks they lead (whatever
 * the lead's status now, since it may just have changed).
 */
export const withNetworkMembersOf = (leadIds: number[]) => Prisma.sql`
  SELECT unnest(${leadIds}::int[]) AS id
  UNION SELECT nm."organizationId" FROM "NetworkMembership" nm
        JOIN "Network" n ON n.id = nm."networkId"
        WHERE nm.status = 'ACTIVE' AND n."leadOrganizationId" = ANY(${leadIds}::int[])`;
