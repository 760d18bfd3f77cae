// Local authorities (role LOCAL_AUTHORITY) through the real routes: an admin
// invites one and binds it to its comuni, the officer chooses a password and
// reaches /ente without a second factor; the admin changes the comuni and
// deactivates the account (audited). The area shows the territory only: its
// firms and measures (paged, with totals, as CSV), the gaps by category within
// a distance, the advice requests by topic as counts without personal data.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildLocalAuthority } from "../factories/localAuthorityFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildNetwork } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

const CASALECCHIO = "037011";
const LIZZANO = "037033";
const GAGGIO = "037027";
const BOLOGNA = "037006";
/** Lizzano in Belvedere's centre (prisma/data/comuni-bologna.csv): far from the rest of the fixtures. */
const LIZZANO_CENTRE = { lat: 44.161644, lon: 10.893663 };
/** Degrees of latitude of `km` on earthdistance's sphere (6,378.168 km). */
const northOf = (km: number) => ({
  lat: LIZZANO_CENTRE.lat + (km / 6378.168) * (180 / Math.PI),
  lon: LIZZANO_CENTRE.lon,
});

let ctx: TestContext;
let admin: request.Agent;
let officer: request.Agent;
let company: request.Agent;

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const p = ctx.db.prisma;
  admin = await loggedInAgent(ctx.app, (await buildUser(p, "ADMIN", "Adele Amministra")).email, TEST_PASSWORD);
  const local = await buildLocalAuthority(p, [CASALECCHIO, LIZZANO], "Ufficio Casalecchio e Lizzano");
  officer = await loggedInAgent(ctx.app, local.email, TEST_PASSWORD);

  // The lists: two firms of the territory, one outside it, one suspended inside it.
  await buildOrganization(p, {
    name: "Casalecchio Aperta S.r.l.",
    comuneCode: CASALECCHIO,
    measures: [
      { title: "Centro estivo aperto", category: "MINORI", openToCitizens: true },
      { title: "Mensa interna", category: "SALUTE", openToCitizens: false },
    ],
  });
  await buildOrganization(p, { name: "Casalecchio Riservata S.r.l.", comuneCode: CASALECCHIO });
  await buildOrganization(p, {
    name: "Casalecchio Sospesa S.r.l.",
    comuneCode: CASALECCHIO,
    registryStatus: "SUSPENDED",
  });
  const bologna = await buildOrganization(p, {
    name: "Bolognese Esterna S.r.l.",
    comuneCode: BOLOGNA,
    measures: [{ title: "Nido di Bologna", category: "MINORI", openToCitizens: true }],
  });
  company = await loggedInAgent(ctx.app, (await buildCompanyUser(p, bologna.id)).email, TEST_PASSWORD);
  // 51 firms of Lizzano without measures or a position: two pages of its list.
  await p.organization.createMany({
    data: Array.from({ length: 51 }, (_, i) => ({
      slug: `lizzano-${i}`,
      name: `Lizzano ${String(i).padStart(2, "0")} S.r.l.`,
      registryStatus: "REGISTERED" as const,
      comuneCode: LIZZANO,
    })),
  });
}, 120_000);
afterAll(() => ctx?.db.close());

describe("an admin invites a local authority", () => {
  it("binds it to its comuni, e-mails the link, and the officer signs up and reaches /ente without a second factor", async () => {
    const invited = await postForm(admin, "/admin/enti", "/admin/enti", {
      name: "Lucia Locale",
      email: "lucia.locale@example.org",
      comuneCodes: [CASALECCHIO, LIZZANO],
    });
    expect(invited.status).toBe(303);
    expect(invited.headers.location).toBe("/admin/enti?esito=invitato");
    const user = await ctx.db.prisma.user.findUniqueOrThrow({
      where: { email: "lucia.locale@example.org" },
      include: { localAuthorityComuni: true },
    });
    expect(user.role).toBe("LOCAL_AUTHORITY");
    expect(user.localAuthorityComuni.map((c) => c.comuneCode).sort()).toEqual([CASALECCHIO, LIZZANO]);
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "user.invite", entityId: String(user.id) },
    });
    expect(audit.after).toMatchObject({ role: "LOCAL_AUTHORITY", comuni: [CASALECCHIO, LIZZANO] });

    const mail = await lastMailTo(ctx.db.prisma, "lucia.locale@example.org");
    expect(mail.subject).toBe(t("localAuthority.mail.invite.subject"));
    const agent = request.agent(ctx.app);
    const form = await agent.get(linkIn(mail.text));
    expect(form.text).toContain(inHtml(t("localAuthority.invitation.intro")));
    // Not staff of the Città metropolitana: the officer accepts the privacy notice.
    const refused = await postForm(agent, linkIn(mail.text), linkIn(mail.text), { password: "Password-di-Lucia-1" });
    expect(refused.status).toBe(422);
    const accepted = await postForm(agent, linkIn(mail.text), linkIn(mail.text), {
      password: "Password-di-Lucia-1",
      privacy: "1",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain(inHtml(t("localAuthority.invitation.done")));

    const login = await postForm(agent, "/accedi", "/accedi", {
      email: "lucia.locale@example.org",
      password: "Password-di-Lucia-1",
    });
    expect(login.headers.location).toBe("/ente");
    const home = await agent.get("/ente");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Casalecchio di Reno, Lizzano in Belvedere");
    expect(home.text).toContain('href="/ente">Lucia Locale</a>');
    expect(
      await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { privacyAcceptedAt: true } }),
    ).not.toMatchObject({ privacyAcceptedAt: null });
  });

  it("refuses an invitation without a comune, or with one that is not of the Città metropolitana", async () => {
    const none = await postForm(admin, "/admin/enti", "/admin/enti", { name: "Nessuno", email: "nessuno@example.org" });
    expect(none.status).toBe(422);
    expect(none.text).toContain(inHtml(t("localAuthority.errors.noComune")));
    expect(none.text).toContain('value="nessuno@example.org"');
    const unknown = await postForm(admin, "/admin/enti", "/admin/enti", {
      name: "Altrove",
      email: "altrove@example.org",
      comuneCodes: "058091",
    });
    expect(unknown.status).toBe(422);
    expect(
      await ctx.db.prisma.user.count({ where: { email: { in: ["nessuno@example.org", "altrove@example.org"] } } }),
    ).toBe(0);
  });

  it("is for admins only", async () => {
    const reviewer = await loggedInAgent(ctx.app, (await buildUser(ctx.db.prisma, "REVIEWER")).email, TEST_PASSWORD);
    expect((await reviewer.get("/admin/enti")).status).toBe(403);
    expect((await officer.get("/admin/enti")).status).toBe(403);
  });
});

describe("the admin changes a local authority's comuni and deactivates it", () => {
  it("narrows the territory at once, audits both changes, and a deactivated account is signed out", async () => {
    const local = await buildLocalAuthority(ctx.db.prisma, [CASALECCHIO, LIZZANO], "Ufficio da ridurre");
    const agent = await loggedInAgent(ctx.app, local.email, TEST_PASSWORD);
    expect((await agent.get(`/ente/imprese?comune=${LIZZANO}`)).status).toBe(200);

    const page = `/admin/enti/${local.id}`;
    expect((await admin.get(page)).text).toContain(
      `id="comune-${LIZZANO}" name="comuneCodes" value="${LIZZANO}" checked`,
    );
    const narrowed = await postForm(admin, page, page, { comuneCodes: CASALECCHIO, active: "1" });
    expect(narrowed.headers.location).toBe("/admin/enti?esito=aggiornato");
    expect((await agent.get(`/ente/imprese?comune=${LIZZANO}`)).status).toBe(404);
    expect((await agent.get("/ente/imprese")).text).not.toContain("Lizzano 00 S.r.l.");

    const none = await postForm(admin, page, page, { active: "1" });
    expect(none.status).toBe(422);
    expect(none.text).toMatch(fieldError("comuneCodes", "localAuthority.errors.noComune"));

    await postForm(admin, page, page, { comuneCodes: CASALECCHIO });
    const off = await agent.get("/ente");
    expect(off.status).toBe(303);
    expect(off.headers.location).toMatch(/^\/accedi/);
    const audits = await ctx.db.prisma.auditEntry.findMany({
      where: { action: "user.update", entityId: String(local.id) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { active: true, comuni: [CASALECCHIO, LIZZANO] },
        { active: true, comuni: [CASALECCHIO] },
      ],
      [
        { active: true, comuni: [CASALECCHIO] },
        { active: false, comuni: [CASALECCHIO] },
      ],
    ]);
  });
});

describe("role walls", () => {
  it("keeps the officer out of /admin and /impresa, and companies and visitors out of /ente", async () => {
    for (const path of ["/admin", "/admin/integrazioni", "/impresa", "/impresa/organizzazione"])
      expect((await officer.get(path)).status, path).toBe(403);
    expect((await company.get("/ente")).status).toBe(403);
    expect((await company.get("/ente/lacune")).status).toBe(403);
    const anonymous = await request(ctx.app).get("/ente/imprese");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe(`/accedi?torna=${encodeURIComponent("/ente/imprese")}`);
  });
});

describe("the territory's firms and measures", () => {
  it("lists only the registered firms of the officer's comuni, and 404 for another comune", async () => {
    const page = await officer.get(`/ente/imprese?comune=${CASALECCHIO}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Casalecchio Aperta S.r.l.");
    expect(page.text).toContain("Casalecchio Riservata S.r.l.");
    expect(page.text).not.toContain("Casalecchio Sospesa S.r.l.");
    expect(page.text).toContain('data-total="2"');
    expect((await officer.get("/ente/imprese")).text).not.toContain("Bolognese Esterna");
    expect((await officer.get(`/ente/imprese?comune=${BOLOGNA}`)).status).toBe(404);
    expect((await officer.get(`/ente/misure?comune=${BOLOGNA}`)).status).toBe(404);
    expect((await officer.get(`/ente/imprese.csv?comune=${BOLOGNA}`)).status).toBe(404);
    expect((await officer.get("/ente/imprese?comune=abc")).status).toBe(400);
  });

  it("pages the firms 50 at a time with their total", async () => {
    const first = await officer.get(`/ente/imprese?comune=${LIZZANO}`);
    expect(first.text).toContain('data-total="51"');
    expect(first.text.match(/Lizzano \d\d S\.r\.l\./g)).toHaveLength(50);
    expect(first.text).toContain(`href="/ente/imprese?comune=${LIZZANO}&amp;pagina=2"`);
    const second = await officer.get(`/ente/imprese?comune=${LIZZANO}&pagina=2`);
    expect(second.text.match(/Lizzano \d\d S\.r\.l\./g)).toEqual(["Lizzano 50 S.r.l."]);
  });

  it("lists the measures, and those open to citizens alone", async () => {
    const all = await officer.get("/ente/misure");
    expect(all.text).toContain("Centro estivo aperto");
    expect(all.text).toContain("Mensa interna");
    expect(all.text).not.toContain("Nido di Bologna");
    const open = await officer.get("/ente/misure?aperte=1");
    expect(open.text).toContain(inHtml(t("localAuthority.measures.openTitle")));
    expect(open.text).toContain("Centro estivo aperto");
    expect(open.text).not.toContain("Mensa interna");
    expect((await officer.get("/ente/misure?aperte=si")).status).toBe(400);
  });

  it("downloads each list as CSV for spreadsheets, with the same scope", async () => {
    const firms = await officer.get(`/ente/imprese.csv?comune=${CASALECCHIO}`);
    expect(firms.status).toBe(200);
    expect(firms.headers["content-type"]).toMatch(/^text\/csv/);
    expect(firms.headers["content-disposition"]).toMatch(/attachment; filename="imprese-territorio-/);
    const lines = firms.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      [
        "firms.name",
        "firms.registryNumber",
        "comune",
        "firms.size",
        "firms.measures",
        "firms.openMeasures",
        "firms.page",
      ]
        .map((k) => t(`localAuthority.${k}`))
        .join(";"),
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith("Casalecchio Aperta S.r.l.;"))).toMatch(/;Casalecchio di Reno;;2;1;http/);

    const open = await officer.get("/ente/misure.csv?aperte=1");
    const rows = open.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(rows).toEqual([
      `Centro estivo aperto;Casalecchio Aperta S.r.l.;Casalecchio di Reno;${t("categories.MINORI")};${t("measureStatusCodes.ACTIVE")};sì;`,
    ]);
  });
});

describe("gaps by category", () => {
  beforeAll(async () => {
    const p = ctx.db.prisma;
    // Just across the border, 5 km from Lizzano's centre: a measure open to citizens.
    await buildOrganization(p, {
      name: "Salute a Cinque Km",
      comuneCode: GAGGIO,
      ...northOf(5),
      measures: [{ title: "Ambulatorio aperto", category: "SALUTE", openToCitizens: true }],
    });
    // 1 km away but not filling a gap: reserved to employees, ended, or a suspended firm's.
    await buildOrganization(p, {
      name: "Vicina Riservata",
      comuneCode: GAGGIO,
      ...northOf(1),
      measures: [
        { title: "Badanti per i dipendenti", category: "ANZIANI", openToCitizens: false },
        { title: "Mobilità conclusa", category: "MOBILITA", openToCitizens: true, status: "ENDED" },
      ],
    });
    await buildOrganization(p, {
      name: "Vicina Sospesa",
      comuneCode: GAGGIO,
      registryStatus: "SUSPENDED",
      ...northOf(1),
      measures: [{ title: "Teatro sospeso", category: "TEMPO_LIBERO", openToCitizens: true }],
    });
    // A network's approved measure counts for its members: one of them is 2 km away.
    const member = await buildOrganization(p, {
      name: "Socia di Rete",
      comuneCode: GAGGIO,
      ...northOf(2),
      measures: [],
    });
    const lead = await buildOrganization(p, { name: "Capofila Lontana", comuneCode: BOLOGNA });
    const network = await buildNetwork(p, lead.id, [member.id]);
    await p.measure.create({
      data: {
        networkId: network.id,
        networkReview: "APPROVED",
        title: "Corsi di rete",
        description: "-",
        category: "EDUCAZIONE",
        beneficiaries: ["CITIZENS"],
        openToCitizens: true,
      },
    });
  });

  const lizzanoGaps = async (query: string) => {
    const res = await officer.get(`/ente/lacune?comune=${LIZZANO}${query}`);
    expect(res.status).toBe(200);
    const row = res.text.match(new RegExp(`<tr data-comune="${LIZZANO}">[\\s\\S]*?</tr>`))?.[0] ?? "";
    return [...row.matchAll(/data-categoria="(\w+)"/g)].map((m) => m[1]);
  };

  it("a category with an open measure 5 km away is not a gap at 10 km (the default), and is one at 3 km", async () => {
    expect(await lizzanoGaps("")).toEqual(["CONCILIAZIONE", "MINORI", "ANZIANI", "TEMPO_LIBERO", "MOBILITA"]);
    expect(await lizzanoGaps("&raggio=3")).toEqual([
      "CONCILIAZIONE",
      "MINORI",
      "ANZIANI",
      "SALUTE",
      "TEMPO_LIBERO",
      "MOBILITA",
    ]);
    expect(await lizzanoGaps("&raggio=1")).toContain("EDUCAZIONE");
  });

  it("lists every comune of the territory, refuses a malformed distance and another's comune, downloads as CSV", async () => {
    const all = await officer.get("/ente/lacune");
    expect(all.text).toContain(`data-comune="${CASALECCHIO}"`);
    expect(all.text).toContain(`data-comune="${LIZZANO}"`);
    const wrong = await officer.get("/ente/lacune?raggio=500");
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('value="500"');
    expect(wrong.text).toMatch(fieldError("raggio", "validation.tooBig.number", { max: 50 }));
    expect((await officer.get(`/ente/lacune?comune=${GAGGIO}`)).status).toBe(404);

    const csv = await officer.get(`/ente/lacune.csv?comune=${LIZZANO}&raggio=3`);
    expect(csv.headers["content-disposition"]).toMatch(/filename="lacune-territorio-/);
    const rows = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe(
      ["comune", "istatCode", "gaps.category", "gaps.radius"].map((k) => t(`localAuthority.${k}`)).join(";"),
    );
    expect(rows).toContain(`Lizzano in Belvedere;${LIZZANO};${t("categories.SALUTE")};3`);
    expect(rows).toHaveLength(7);
  });
});

describe("advice requests by topic", () => {
  beforeAll(async () => {
    const p = ctx.db.prisma;
    const requests: [string, "MINORI" | "ANZIANI" | "SALUTE"][] = [
      [CASALECCHIO, "MINORI"],
      [CASALECCHIO, "MINORI"],
      [CASALECCHIO, "ANZIANI"],
      [LIZZANO, "ANZIANI"],
      [BOLOGNA, "SALUTE"],
    ];
    for (const [i, [comuneCode, topic]] of requests.entries()) {
      await p.adviceRequest.create({
        data: {
          referenceCode: `CONS-TEST-${i}`,
          name: `Cittadina Riservata ${i}`,
          email: `cittadina${i}@example.org`,
          comuneCode,
          topic,
          message: `Domanda personale numero ${i}`,
          consentAt: new Date(),
        },
      });
    }
    // Requests deleted after the retention period still count, as anonymous tallies.
    await p.adviceRequestTally.create({
      data: {
        month: new Date("2024-03-01"),
        topic: "ANZIANI",
        comuneCode: CASALECCHIO,
        status: "ANSWERED",
        requests: 3,
      },
    });
  });

  it("counts the territory's requests per topic and comune, without any personal data", async () => {
    const page = await officer.get("/ente/consulenze");
    expect(page.status).toBe(200);
    const cells = (topic: string) =>
      [
        ...(page.text.match(new RegExp(`<tr data-tema="${topic}">[\\s\\S]*?</tr>`))?.[0] ?? "").matchAll(
          /<td[^>]*>(\d+)<\/td>/g,
        ),
      ].map((m) => Number(m[1]));
    // Columns: Casalecchio di Reno, Lizzano in Belvedere, total.
    expect(cells("MINORI")).toEqual([2, 0, 2]);
    expect(cells("ANZIANI")).toEqual([4, 1, 5]);
    expect(cells("SALUTE")).toEqual([0, 0, 0]);
    expect(page.text).toContain(inHtml(t("localAuthority.advice.total", "it", { count: 7 })));
    for (const personal of ["Cittadina Riservata", "cittadina", "Domanda personale", "CONS-TEST"])
      expect(page.text).not.toContain(personal);

    const one = await officer.get(`/ente/consulenze?comune=${LIZZANO}`);
    expect(one.text).toContain(inHtml(t("localAuthority.advice.total", "it", { count: 1 })));
    expect((await officer.get(`/ente/consulenze?comune=${BOLOGNA}`)).status).toBe(404);

    const csv = await officer.get("/ente/consulenze.csv");
    expect(csv.headers["content-disposition"]).toMatch(/filename="consulenze-territorio-/);
    const rows = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toHaveLength(1 + 2 * 8);
    expect(rows).toContain(`Casalecchio di Reno;${CASALECCHIO};${t("categories.ANZIANI")};4`);
    expect(rows).toContain(`Lizzano in Belvedere;${LIZZANO};${t("categories.SALUTE")};0`);
    for (const personal of ["Cittadina", "example.org", "Domanda", "CONS-"]) expect(csv.text).not.toContain(personal);
  });
});

describe("the officer's own data", () => {
  it("downloads the account with its comuni", async () => {
    const data = JSON.parse((await officer.get("/account/dati")).text) as {
      account: { role: string; localAuthorityComuni: { comuneCode: string }[] };
    };
    expect(data.account.role).toBe("LOCAL_AUTHORITY");
    expect(data.account.localAuthorityComuni.map((c) => c.comuneCode).sort()).toEqual([CASALECCHIO, LIZZANO]);
  });
});

describe("the summary", () => {
  it("counts the territory's firms, measures and open measures", async () => {
    const home = await officer.get("/ente");
    const figures = home.text.match(/<dl class="row" id="cifre">[\s\S]*?<\/dl>/)?.[0] ?? "";
    expect([...figures.matchAll(/<a href="[^"]+">(\d+)<\/a>/g)].map((m) => Number(m[1]))).toEqual([53, 3, 1]);
  });
});
