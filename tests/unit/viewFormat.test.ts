import { describe, expect, it } from "vitest";
import { viewFormat } from "../../src/middleware/viewFormat.js";

describe("viewFormat", () => {
  const it_ = viewFormat("it");
  const en = viewFormat("en");

  it("builds one set of formatters per language", () => {
    expect(viewFormat("it")).toBe(it_);
    expect(viewFormat("en")).toBe(en);
  });

  it("formats numbers with a given number of decimals", () => {
    expect(it_.number(1234.5, 1)).toBe("1234,5");
    expect(en.number(1234.5, 1)).toBe("1,234.5");
    expect(it_.number(12345.678)).toBe("12.345,678");
    expect(en.number(2.5, 0)).toBe("3");
    expect(it_.upToOneDecimal(3.25)).toBe("3,3");
    expect(en.upToOneDecimal(3)).toBe("3");
  });

  it("formats percentages", () => {
    expect(it_.percent(12.34)).toBe("12,3 %");
    expect(en.percent(12)).toBe("12.0 %");
  });

  it("formats dates, dates with time and month names", () => {
    const instant = new Date("2026-11-25T23:30:00Z");
    expect(it_.day(instant)).toBe("26 novembre 2026");
    expect(en.day(instant)).toBe("26 November 2026");
    expect(it_.calendarDay(new Date("2026-11-25T00:00:00Z"))).toBe("25 novembre 2026");
    expect(it_.dateTime(instant)).toBe("26 novembre 2026 alle ore 00:30");
    expect(en.dateTime(instant)).toBe("26 November 2026 at 00:30");
    expect(it_.monthName(3)).toBe("marzo");
    expect(en.monthName(12)).toBe("December");
  });
});
