import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { OutboxRepository, Recipient } from "../../data/shared/outboxRepository.js";
import type { TokenPurpose } from "../../generated/prisma/enums.js";
import type { MailMessages } from "../shared/mailMessages.js";
import { newSecretToken } from "../shared/secretTokens.js";

const HOUR = 3600_000;
const lifetime: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 48 * HOUR,
  RESET_PASSWORD: HOUR,
  CHANGE_EMAIL: 24 * HOUR,
  INVITE: 7 * 24 * HOUR,
};

/** A single-use link's token for `purpose`, valid for the purpose's lifetime; only its hash is stored. */
export async function issueUserToken(
  accounts: AccountRepository,
  tx: Db,
  userId: number,
  purpose: TokenPurpose,
  data?: { email: string },
): Promise<string> {
  const { token, hash } = newSecretToken();
  await accounts.createToken(
    { userId, purpose, tokenHash: hash, expiresAt: new Date(Date.now() + lifetime[purpose]), data },
    tx,
  );
  return token;
}

export interface InvitationDeps {
  accounts: AccountRepository;
  outbox: OutboxRepository;
  messages: MailMessages;
}

/**
 * The invitation of a new account (a company colleague or a staff member):
 * its link (/invito/:token, where the invited person chooses a password)
 * e-mailed in the transaction that created the account. `mailKey`: the text.
 */
export async function sendInvitation(
  { accounts, outbox, messages }: InvitationDeps,
  tx: Db,
  invited: Recipient & { id: number; name: string },
  inviterName: string,
  mailKey: string,
) {
  const token = await issueUserToken(accounts, tx, invited.id, "INVITE");
  await outbox.enqueue(
    messages(invited, mailKey, { name: invited.name, inviter: inviterName, link: `/invito/${token}` }),
    tx,
  );
}
