import { describe, expect, it } from "vitest";
import { isValidVatNumber, typedVatNumber, vatCheckDigit } from "../../src/domain/vatNumber.js";

describe("vatCheckDigit", () => {
  it("computes the check digit worked out by hand", () => {
    // odd positions 0+2+4+6+8 = 20; even positions doubled 2+6+1+5+9 = 23; 43 → 7
    expect(vatCheckDigit("0123456789")).toBe(7);
    // 0+0+0+0+0 = 0; 0+0+0+0+2(1×2) = 2 → 8
    expect(vatCheckDigit("0000000001")).toBe(8);
    // sum multiple of ten gives 0, not 10
    expect(vatCheckDigit("0000000000")).toBe(0);
    // 9s: 9×5 = 45; (18-9)×5 = 45; 90 → 0
    expect(vatCheckDigit("9999999999")).toBe(0);
  });

  it("refuses anything but ten digits", () => {
    expect(() => vatCheckDigit("123")).toThrow(RangeError);
    expect(() => vatCheckDigit("012345678a")).toThrow(RangeError);
  });
});

describe("isValidVatNumber", () => {
  it.each(["01234567897", "00000000018", "99999999990", "12345678903"])("accepts %s", (vat) => {
    expect(isValidVatNumber(vat)).toBe(true);
  });

  it.each([
    ["wrong check digit", "01234567890"],
    ["transposed digits", "10234567897"],
    ["too short", "0123456789"],
    ["too long", "012345678970"],
    ["letters", "IT01234567897"],
    ["spaces", "01234 567897"],
    ["empty", ""],
    ["all zeros", "00000000000"],
  ])("refuses %s (%s)", (_why, vat) => {
    expect(isValidVatNumber(vat)).toBe(false);
  });

  it("detects every single-digit change of a valid number", () => {
    const valid = "01234567897";
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        if (changed !== valid) expect(isValidVatNumber(changed)).toBe(false);
      }
    }
  });
});

describe("typedVatNumber", () => {
  it("reads a Partita IVA as staff type it in a search box, and nothing else", () => {
    expect(typedVatNumber("01234567897")).toBe("01234567897");
    expect(typedVatNumber(" it 012 345 678 97 ")).toBe("01234567897");
    expect(typedVatNumber("0123456789")).toBeUndefined();
    expect(typedVatNumber("Rossi 01234567897")).toBeUndefined();
  });
});
