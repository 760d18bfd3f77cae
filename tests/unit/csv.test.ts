import { describe, expect, it } from "vitest";
import { csvField, csvLine, toCsv } from "../../src/domain/csv.js";

describe("CSV", () => {
  it("quotes fields with commas, quotes or line breaks, and ends lines with CRLF", () => {
    expect(csvLine(["a", "b,c", 'd "e"', "f\ng", 3, true, null, undefined])).toBe(
      'a,"b,c","d ""e""","f\ng",3,true,,\r\n',
    );
    expect(
      toCsv(
        ["x", "y"],
        [
          [1, 2],
          ["è", "città"],
        ],
      ),
    ).toBe("x,y\r\n1,2\r\nè,città\r\n");
  });

  it("defuses text a spreadsheet would run as a formula, but keeps negative numbers", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+39 051 123456")).toBe("+39 051 123456");
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField("-cmd")).toBe("'-cmd");
  });

  it("writes semicolon-separated lines for Italian spreadsheets, quoting what holds a semicolon", () => {
    expect(csvLine(["a;b", "1234,50", 'c "d"', "=1+1"], ";")).toBe('"a;b";1234,50;"c ""d""";\'=1+1\r\n');
  });
});
