import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildSubmittedApplication, buildUser } from "../factories/applicationFactory.js";
import { approveSubmitted, requestChanges } from "../helpers/approve.js";
import { lastMailTo } from "../helpers/outbox.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// A company asked for changes reads what staff wrote where it looks first (its
// summary and its application), and is not told "the data are complete: submit".
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("a request for changes", () => {
  it("shows the reviewer's comment on the company's summary and application pages", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const before = (await company.get("/impresa").expect(200)).text;
    expect(before).not.toContain('id="messaggio-personale"');

    await requestChanges(ctx, org.id, "Indicate il costo per i cittadini & gli orari dell'asilo.");
    for (const path of ["/impresa", "/impresa/domanda"]) {
      const page = (await company.get(path).expect(200)).text;
      expect(page).toContain('id="messaggio-personale"');
      expect(page).toContain(inHtml("Indicate il costo per i cittadini & gli orari dell'asilo."));
      expect(page).toContain(inHtml(t("company.staffMessage.changesRequested")));
      // Complete data or not, the company is told that staff asked for changes.
      expect(page).toContain(inHtml(t("company.next.changesRequested")));
      expect(page).not.toContain(inHtml(t("company.next.complete")));
    }
  });
});

describe("a suspension and a reinstatement", () => {
  it("reach the company by e-mail, with the reason", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    await approveSubmitted(ctx, org.id);
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Registro");
    const staff = { id: reviewer.id, name: reviewer.name };
    const reason = "Il sito indicato non risponde da tre mesi: aggiornate i contatti.";
    expect(await ctx.services.registerUpkeep.suspend(org.id, staff, reason)).toEqual({ ok: true });
    const suspended = await lastMailTo(ctx.db.prisma, user.email);
    expect(suspended.subject).toBe(t("admin.mail.SUSPENDED.subject", "it", { organization: org.name }));
    expect(suspended.text).toContain(reason);
    expect(await ctx.services.registerUpkeep.reinstate(org.id, staff, "Contatti aggiornati.")).toEqual({ ok: true });
    const reinstated = await lastMailTo(ctx.db.prisma, user.email);
    expect(reinstated.subject).toBe(t("admin.mail.REINSTATED.subject", "it", { organization: org.name }));
    expect(reinstated.text).toContain("Contatti aggiornati.");
  });
});
