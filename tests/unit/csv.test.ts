import { describe, expect, it } from "vitest";
import { csvField, csvLine, ITALIAN_SPREADSHEET, toCsv } from "../../src/domain/csv.js";

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
    expect(csvLine(["a;b", "1234,50", 'c "d"', "=1+1", "b,c"], ITALIAN_SPREADSHEET)).toBe(
      '"a;b";1234,50;"c ""d""";\'=1+1;b,c\r\n',
    );
  });

  it("writes decimal numbers with a comma and starts with a byte order mark for Italian spreadsheets", () => {
    expect(toCsv(["lat", "n", "euro", "v"], [[44.4938, 3, "1234.50", "v1.2"]], ITALIAN_SPREADSHEET)).toBe(
      "\uFEFFlat;n;euro;v\r\n44,4938;3;1234,50;v1.2\r\n",
    );
    expect(toCsv(["lat", "n", "euro"], [[44.4938, 3, "1234.50"]])).toBe("lat,n,euro\r\n44.4938,3,1234.50\r\n");
  });
});
