import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes).
export const hashPassword = (password: string) => hash(password);

/** The hash of a random password nobody knows: an invited user's, until they choose their own. */
export const unusablePasswordHash = () => hashPassword(randomBytes(32).toString("base64url"));

/** Never throws: a malformed stored hash simply does not match. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Compared against when the e-mail is unknown, so both cases take the same time. */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$byPlGBzQb742PhsDxnzGgA$RxDj4YlC7F9Mewpk9OX4OwW3Y3RaSSSR8dU/cidPPDU";
