import type { Prisma } from "../../generated/prisma/client.js";
import { typedVatNumber } from "../../domain/vatNumber.js";

/**
 * What staff type in a list's search box, read three ways at once: a part of
 * the organization's name (ILIKE, served by the trigram index of the migration
 * "staff_search"), its registry number, its Partita IVA. Each is an index
 * look-up, so the search stays fast on a register of 100,000 organizations.
 */
export function organizationMatching(text: string): Prisma.OrganizationWhereInput {
  const vatNumber = typedVatNumber(text);
  return {
    OR: [
      { name: { contains: text, mode: "insensitive" } },
      { registryNumber: text.toUpperCase() },
      ...(vatNumber ? [{ vatNumber }] : []),
    ],
  };
}
