import { describe, expect, it } from "vitest";
import { formatEuroAmount, parseEuroAmount } from "../../src/domain/euroAmount.js";
import { escapeText, eventCalendar, foldLine } from "../../src/domain/icalendar.js";
import { renderMarkdown } from "../../src/domain/markdown.js";
import { adviceReferencePattern, newAdviceReference } from "../../src/domain/referenceCode.js";
import { romeDateAndTime, romeLocalToInstant } from "../../src/domain/romeTime.js";

describe("parseEuroAmount", () => {
  it.each([
    ["1.234,56", "1234.56"],
    ["1234,56", "1234.56"],
    ["1234.56", "1234.56"],
    ["1.234", "1234.00"],
    ["1.234.567,8", "1234567.80"],
    ["12.5", "12.50"],
    ["€ 0,10", "0.10"],
    ["007", "7.00"],
    [" 2 500,00 ", "2500.00"],
  ])("reads %j as %s", (input, expected) => expect(parseEuroAmount(input)).toBe(expected));

  it.each(["", "abc", "1,234.56", "12,345", "1.23.4", "1234.567", "-5", "1e3", "12,", "1.2345,00", "9999999999999"])(
    "refuses %j",
    (input) => expect(parseEuroAmount(input)).toBeNull(),
  );

  it("formats decimal strings for people", () => {
    expect(formatEuroAmount("1234567.5", "it")).toBe("1.234.567,50");
    expect(formatEuroAmount("1234567.50", "en")).toBe("1,234,567.50");
    expect(formatEuroAmount("0.3", "it")).toBe("0,30");
  });
});

describe("Rome times", () => {
  it("converts wall-clock times in winter and in summer", () => {
    expect(romeLocalToInstant("2026-01-15", "10:30")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(romeLocalToInstant("2026-07-15", "10:30")?.toISOString()).toBe("2026-07-15T08:30:00.000Z");
    // the day summer time starts (02:00 → 03:00) and ends (03:00 → 02:00)
    expect(romeLocalToInstant("2026-03-29", "12:00")?.toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(romeLocalToInstant("2026-10-25", "12:00")?.toISOString()).toBe("2026-10-25T11:00:00.000Z");
    expect(romeDateAndTime(new Date("2026-07-15T22:30:00Z"))).toEqual({ date: "2026-07-16", time: "00:30" });
  });

  it("refuses dates and times that do not exist", () => {
    expect(romeLocalToInstant("2026-02-30", "10:00")).toBeNull();
    expect(romeLocalToInstant("2026-01-15", "24:00")).toBeNull();
    expect(romeLocalToInstant("15/01/2026", "10:00")).toBeNull();
  });
});

describe("iCalendar", () => {
  it("escapes text values", () => {
    expect(escapeText("a, b; c\\d\ne")).toBe("a\\, b\\; c\\\\d\\ne");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"è".repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("writes a calendar with Rome times and CRLF lines", () => {
    const ics = eventCalendar(
      [
        {
          uid: "evento-x@localhost",
          title: "Seminario: welfare, territorio; reti",
          description: "Riga uno\nRiga due",
          location: "Sala A, Bologna",
          url: "http://localhost/eventi/x",
          startsAt: new Date("2026-07-15T08:30:00Z"),
          endsAt: null,
          updatedAt: new Date("2026-07-01T00:00:00Z"),
          status: "CANCELLED",
          onlineUrl: "https://example.org/call?id=1;x",
        },
      ],
      "-//Test//IT",
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("\r\nDTSTART;TZID=Europe/Rome:20260715T103000\r\n");
    expect(ics).toContain("\r\nDTEND;TZID=Europe/Rome:20260715T123000\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20260701T000000Z\r\n");
    expect(ics).toContain("SUMMARY:Seminario: welfare\\, territorio\\; reti\r\n");
    expect(ics).toContain("DESCRIPTION:Riga uno\\nRiga due\r\n");
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n");
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics).toContain("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO:https://example.org/call?id=1;x\r\n");
    // A single event's file is not a feed: no name, no refresh interval.
    expect(ics).not.toContain("X-WR-CALNAME");
  });
});

describe("renderMarkdown", () => {
  it("renders Markdown and lets no raw HTML or script link through", () => {
    const html = renderMarkdown(
      "**forte** [sito](https://example.org) [male](javascript:alert(1))\n\n<script>alert(1)</script>\n\n<b onclick=x>b</b>",
    );
    expect(html).toContain("<strong>forte</strong>");
    expect(html).toContain('<a href="https://example.org">sito</a>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b ");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script&gt;");
  });

  it("links to this site's paths but not to other hosts, with slashes or backslashes", () => {
    expect(renderMarkdown("[guida](/guida)")).toContain('<a href="/guida">guida</a>');
    for (const href of ["//evil.example", "/\\evil.example", " /\\evil.example"]) {
      const html = renderMarkdown(`[x](<${href}>) ![y](<${href}>)`);
      expect(html, href).not.toContain('evil.example"');
      expect(html, href).not.toMatch(/<a |<img /);
    }
  });
});

describe("advice reference codes", () => {
  it("are random, never a sequence, in the documented shape", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newAdviceReference(new Date("2026-05-01T00:00:00Z"))));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(adviceReferencePattern);
    expect([...codes][0]).toMatch(/^CONS-2026-/);
  });
});
