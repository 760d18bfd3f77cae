import { createHash, randomBytes } from "node:crypto";

/** Only this is stored: a leaked table gives no usable link. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token for a personal link (256 random bits, URL-safe) and the hash to store in its place. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
