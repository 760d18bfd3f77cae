import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Staff read the comune and the ATECO section of an application by name, not by code.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

/** The <dd> after the <dt> with this label, as text. */
const valueOf = (html: string, label: string) =>
  html
    .match(new RegExp(`<dt[^>]*>${label}</dt><dd[^>]*>([\\s\\S]*?)</dd>`))?.[1]
    ?.replace(/<[^>]+>/g, "")
    .trim();

describe("the application page of the back office", () => {
  it("names the comune and the ATECO section, in Italian and English", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER");
    const agent = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);

    const it = (await agent.get(`/admin/domande/${application.id}`)).text;
    expect(valueOf(it, "Comune")).toBe("Bologna");
    expect(valueOf(it, "Sezione ATECO")).toBe("C – ATTIVITÀ MANIFATTURIERE");
    expect(it).not.toMatch(/<dd[^>]*>037006<\/dd>/);

    const en = (await agent.get(`/admin/domande/${application.id}?lang=en`)).text;
    expect(valueOf(en, "Municipality")).toBe("Bologna");
    expect(valueOf(en, "ATECO section")).toBe("C – MANUFACTURING");
  });
});
