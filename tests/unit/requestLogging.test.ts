import { describe, expect, it } from "vitest";
import { redactTokens } from "../../src/middleware/requestLogging.js";

describe("redactTokens", () => {
  it("hides the token of every e-mailed personal link, keeping the route and the query", () => {
    expect(redactTokens("/consulenza/revoca/AbC-12_x?lang=en")).toBe("/consulenza/revoca/[token]?lang=en");
    expect(redactTokens("/verifica-email/AbC-12_x")).toBe("/verifica-email/[token]");
    expect(redactTokens("/reimposta-password/AbC-12_x")).toBe("/reimposta-password/[token]");
    expect(redactTokens("/invito/AbC-12_x")).toBe("/invito/[token]");
    expect(redactTokens("/eventi/annulla/AbC-12_x?lang=it")).toBe("/eventi/annulla/[token]?lang=it");
    expect(redactTokens("/avvisi/conferma/AbC-12_x?lang=it")).toBe("/avvisi/conferma/[token]?lang=it");
    expect(redactTokens("/avvisi/disiscrizione/AbC-12_x")).toBe("/avvisi/disiscrizione/[token]");
  });

  it("hides the CSRF token a multipart form carries in its action's query", () => {
    expect(redactTokens("/admin/notizie/nuova?_csrf=AbC-12_x")).toBe("/admin/notizie/nuova?_csrf=[token]");
    expect(redactTokens("/admin/notizie/3?lang=en&_csrf=AbC-12_x")).toBe("/admin/notizie/3?lang=en&_csrf=[token]");
  });

  it("leaves every other URL as it is", () => {
    for (const url of [
      "/consulenza",
      "/consulenza/inviata",
      "/avvisi",
      "/avvisi/inviata",
      "/registro?q=nido",
      "/admin/consulenze/12",
      "/eventi/2031-03-12-seminario/iscrizione",
    ])
      expect(redactTokens(url)).toBe(url);
  });
});
