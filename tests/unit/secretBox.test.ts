import { describe, expect, it } from "vitest";
import { createSecretBox } from "../../src/services/accounts/secretBox.js";
import { hashRecoveryCode, newRecoveryCodes } from "../../src/services/accounts/recoveryCodes.js";

const MASTER = "a-session-secret-of-at-least-32-characters";

describe("secret box (TOTP secrets at rest)", () => {
  it("opens what it sealed, only for the same row and the same SESSION_SECRET", () => {
    const box = createSecretBox(MASTER, "totp-secret");
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "user:1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.seal("JBSWY3DPEHPK3PXP", "user:1")).not.toBe(sealed);
    expect(box.open(sealed, "user:1")).toBe("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed, "user:2")).toBeNull();
    expect(createSecretBox(`${MASTER}!`, "totp-secret").open(sealed, "user:1")).toBeNull();
    expect(createSecretBox(MASTER, "another-purpose").open(sealed, "user:1")).toBeNull();
    const tampered = Buffer.from(sealed, "base64url");
    tampered[tampered.length - 1]! ^= 1;
    expect(box.open(tampered.toString("base64url"), "user:1")).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of 16 unambiguous symbols, matched however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    const code = codes[0]!;
    expect(hashRecoveryCode(code.toLowerCase().replaceAll("-", " "))).toBe(hashRecoveryCode(code));
  });
});
