import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encryption at rest for secrets the server must read back (TOTP secrets):
 * AES-256-GCM with a key derived from SESSION_SECRET by HKDF-SHA256 under its
 * own `purpose`, so a copy of the database alone holds nothing usable. `context`
 * (e.g. the user's id) is authenticated with the text: a value copied to
 * another row does not open. Changing SESSION_SECRET makes every sealed value
 * unreadable (`open` gives null).
 */
export function createSecretBox(masterSecret: string, purpose: string) {
  const key = Buffer.from(hkdfSync("sha256", masterSecret, "registro-welfare-bologna", purpose, 32));

  return {
    seal(plain: string, context: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(context));
      const encrypted = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64url");
    },

    open(sealed: string, context: string): string | null {
      const bytes = Buffer.from(sealed, "base64url");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES))
          .setAAD(Buffer.from(context))
          .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        return null;
      }
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
