import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { buildUser } from "./applicationFactory.js";

/** A local authority's account (password TEST_PASSWORD) bound to `comuneCodes`. */
export async function buildLocalAuthority(
  prisma: PrismaClient,
  comuneCodes: string[],
  name = "Ufficio di prova",
  language = "it",
) {
  const user = await buildUser(prisma, "LOCAL_AUTHORITY", name);
  await prisma.localAuthorityComune.createMany({
    data: comuneCodes.map((comuneCode) => ({ userId: user.id, comuneCode })),
  });
  return prisma.user.update({ where: { id: user.id }, data: { language } });
}
