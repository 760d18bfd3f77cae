import type { PrismaClient } from "../../src/generated/prisma/client.js";

/** The latest e-mail kept in the outbox for an address (no SMTP in tests). */
export async function lastMailTo(prisma: PrismaClient, to: string) {
  return prisma.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { id: "desc" } });
}

/** The path of the first link of this site in an e-mail, e.g. "/verifica-email/abc". */
export function linkIn(text: string): string {
  const url = text.match(/https?:\/\/[^\s]+/)?.[0];
  if (!url) throw new Error(`no link in the e-mail:\n${text}`);
  return new URL(url).pathname;
}
