import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testConfig } from "../../src/config.js";
import { romeDateAndTime } from "../../src/domain/romeTime.js";
import { romeToday } from "../../src/services/territory/pactService.js";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { postForm } from "../helpers/companyAgent.js";
import { fieldError, t } from "../helpers/catalogue.js";

let ctx: TestContext;
let firm: { id: number; slug: string; name: string };
let company: request.Agent;
let otherCompany: request.Agent;
let unregistered: request.Agent;
let reviewer: request.Agent;
let admin: request.Agent;
let reviewerId: number;
let reviewerEmail: string;
let adminId: number;

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: { ...testConfig().rateLimits, login: { windowMs: 60_000, limit: 100 } },
  });
  const p = ctx.db.prisma;
  firm = await buildOrganization(p, { name: "Officina Firmataria S.r.l." });
  const other = await buildOrganization(p, { name: "Altra Impresa S.r.l." });
  const { user: pending } = await buildSubmittedApplication(p);
  const staffReviewer = await buildUser(p, "REVIEWER", "Rita Revisora");
  const staffAdmin = await buildUser(p, "ADMIN", "Aldo Amministratore");
  reviewerId = staffReviewer.id;
  reviewerEmail = staffReviewer.email;
  adminId = staffAdmin.id;
  company = await loggedInAgent(ctx.app, (await buildCompanyUser(p, firm.id)).email, TEST_PASSWORD);
  otherCompany = await loggedInAgent(ctx.app, (await buildCompanyUser(p, other.id)).email, TEST_PASSWORD);
  unregistered = await loggedInAgent(ctx.app, pending.email, TEST_PASSWORD);
  reviewer = await loggedInAgent(ctx.app, staffReviewer.email, TEST_PASSWORD);
  admin = await loggedInAgent(ctx.app, staffAdmin.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

const audits = (action: string) => ctx.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("access", () => {
  it("sends anonymous visitors to log in and keeps companies out of the back office", async () => {
    const anonymous = request.agent(ctx.app);
    for (const path of ["/impresa/patto", "/admin/patto", "/admin/impostazioni"]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent(path)}`);
    }
    expect((await company.get("/admin/patto")).status).toBe(403);
    expect((await reviewer.get("/impresa/patto")).status).toBe(403);
  });

  it("refuses a POST without the CSRF token", async () => {
    const res = await company.post("/impresa/patto").type("form").send({ confirm: "1" });
    expect(res.status).toBe(403);
    expect(await ctx.db.prisma.pactSignature.count()).toBe(0);
  });
});

describe("the public page", () => {
  it("shows the default text in Italian and English and the empty groups", async () => {
    const it = await request(ctx.app).get("/patto");
    expect(it.status).toBe(200);
    expect(it.text).toContain("Patto metropolitano per il welfare aziendale territoriale");
    expect(it.text).toContain("Organizzazioni sindacali");
    expect(it.text).toContain("0 firmatari.");
    const en = await request(ctx.app).get("/patto?lang=en");
    expect(en.text).toContain("Metropolitan Pact for territorial company welfare");
    expect(en.text).toContain("Trade unions");
  });
});

describe("a firm asks to sign", () => {
  it("is refused when the firm is not in the register", async () => {
    const page = await unregistered.get("/impresa/patto");
    expect(page.text).toContain(t("pact.company.notRegistered"));
    expect(page.text).not.toContain('action="/impresa/patto"');
    const res = await postForm(unregistered, "/impresa/patto", "/impresa/patto", { commitments: "", confirm: "1" });
    expect(res.status).toBe(409);
    expect(await ctx.db.prisma.pactSignature.count()).toBe(0);
  });

  it("needs the confirmation and at most 2000 characters, keeping what was typed", async () => {
    const res = await postForm(company, "/impresa/patto", "/impresa/patto", {
      commitments: "Aprire il nido al quartiere",
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("confirm", "validation.confirm"));
    expect(res.text).toContain("Aprire il nido al quartiere</textarea>");
    expect(res.text).toContain('href="#campo-confirm"');
    expect(res.text).toContain('id="campo-confirm"');
    const long = await postForm(company, "/impresa/patto", "/impresa/patto", {
      commitments: "x".repeat(2001),
      confirm: "1",
    });
    expect(long.status).toBe(422);
    expect(long.text).toMatch(fieldError("commitments", "validation.tooBig.string", { max: 2000 }));
    expect(await ctx.db.prisma.pactSignature.count()).toBe(0);
  });

  it("records the request, audited, and shows nothing public until staff confirm", async () => {
    const res = await postForm(company, "/impresa/patto", "/impresa/patto", {
      commitments: "Aprire il nido al quartiere",
      confirm: "1",
    });
    expect(res.status).toBe(303);
    const signature = await ctx.db.prisma.pactSignature.findFirstOrThrow({ where: { organizationId: firm.id } });
    expect(signature).toMatchObject({
      status: "REQUESTED",
      signatoryType: "FIRM",
      name: firm.name,
      commitments: "Aprire il nido al quartiere",
    });
    const [entry] = await audits("pact.request");
    expect(entry).toMatchObject({ entityType: "PactSignature", entityId: String(signature.id) });
    expect((await company.get("/impresa/patto")).text).toContain(t("pact.company.status.REQUESTED"));
    expect((await request(ctx.app).get("/patto")).text).not.toContain(firm.name);
    expect((await request(ctx.app).get(`/registro/${firm.slug}`)).text).not.toContain(
      "Ha sottoscritto il Patto metropolitano",
    );
    const again = await postForm(company, "/impresa/patto", "/impresa/patto", { commitments: "", confirm: "1" });
    expect(again.status).toBe(409);
    expect(await ctx.db.prisma.pactSignature.count({ where: { organizationId: firm.id } })).toBe(1);
  });

  it("lets a reviewer reject with a reason (required), and the firm ask again", async () => {
    const signature = await ctx.db.prisma.pactSignature.findFirstOrThrow({ where: { organizationId: firm.id } });
    const page = await reviewer.get("/admin/patto");
    expect(page.text).toContain(firm.name);
    const empty = await postForm(reviewer, "/admin/patto", `/admin/patto/${signature.id}/respingi`, { reason: " " });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("Questo campo è obbligatorio.");
    const res = await postForm(reviewer, "/admin/patto", `/admin/patto/${signature.id}/respingi`, {
      reason: "Manca la delibera",
    });
    expect(res.status).toBe(303);
    expect((await ctx.db.prisma.pactSignature.findUniqueOrThrow({ where: { id: signature.id } })).status).toBe(
      "REJECTED",
    );
    const [entry] = await audits("pact.reject");
    expect(entry).toMatchObject({
      actorId: reviewerId,
      before: { status: "REQUESTED" },
      after: { status: "REJECTED", reason: "Manca la delibera" },
    });
    expect(
      (await postForm(company, "/impresa/patto", "/impresa/patto", { commitments: "", confirm: "1" })).status,
    ).toBe(303);
  });

  it("is confirmed by staff: then /patto lists it and the firm page carries the badge", async () => {
    const signature = await ctx.db.prisma.pactSignature.findFirstOrThrow({
      where: { organizationId: firm.id, status: "REQUESTED" },
    });
    const res = await postForm(reviewer, "/admin/patto", `/admin/patto/${signature.id}/conferma`, {});
    expect(res.status).toBe(303);
    const confirmed = await ctx.db.prisma.pactSignature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.signedOn?.toISOString().slice(0, 10)).toBe(romeDateAndTime(new Date()).date);
    expect(await audits("pact.confirm")).toHaveLength(1);
    const pact = await request(ctx.app).get("/patto");
    expect(pact.text).toContain(`<a href="/registro/${firm.slug}">${firm.name}</a>`);
    expect(pact.text).toContain("1 firmatario.");
    expect((await request(ctx.app).get(`/registro/${firm.slug}`)).text).toContain(
      "Ha sottoscritto il Patto metropolitano",
    );
    const twice = await postForm(reviewer, "/admin/patto", `/admin/patto/${signature.id}/conferma`, {});
    expect(twice.status).toBe(409);
    expect(await audits("pact.confirm")).toHaveLength(1);
  });

  it("drops a firm's signature from /patto while the firm is suspended", async () => {
    await ctx.db.prisma.organization.update({ where: { id: firm.id }, data: { registryStatus: "SUSPENDED" } });
    expect((await request(ctx.app).get("/patto")).text).not.toContain(firm.name);
    await ctx.db.prisma.organization.update({ where: { id: firm.id }, data: { registryStatus: "REGISTERED" } });
  });

  it("never shows another firm's request to a company", async () => {
    const page = await otherCompany.get("/impresa/patto");
    expect(page.text).toContain(t("pact.company.status.NONE"));
    expect(page.text).not.toContain("Aprire il nido al quartiere");
  });
});

describe("signatories outside the register", () => {
  it("answers 422 with messages beside the fields and keeps the values", async () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const res = await postForm(reviewer, "/admin/patto", "/admin/patto", {
      name: "",
      signatoryType: "BANCA",
      signedOn: "2026-02-30x",
      commitments: "Impegno scritto",
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("name", "validation.required"));
    expect(res.text).toMatch(fieldError("signatoryType", "validation.choice"));
    expect(res.text).toMatch(fieldError("signedOn", "validation.date"));
    for (const field of ["name", "signatoryType", "signedOn"]) expect(res.text).toContain(`href="#campo-${field}"`);
    expect(res.text).toContain("Impegno scritto</textarea>");
    const later = await postForm(reviewer, "/admin/patto", "/admin/patto", {
      name: "Sindacato Futuro",
      signatoryType: "UNION",
      signedOn: future,
      commitments: "",
    });
    expect(later.status).toBe(422);
    expect(later.text).toMatch(fieldError("signedOn", "pact.admin.futureDate"));
    expect(later.text).toContain('value="Sindacato Futuro"');
    expect(await ctx.db.prisma.pactSignature.count({ where: { organizationId: null } })).toBe(0);
  });

  it("answers 422, never 500, to dates that do not exist or are before 1900", async () => {
    for (const [signedOn, message] of [
      ["2025-02-31", "validation.date"],
      ["2025-13-01", "validation.date"],
      ["0000-01-01", "validation.dateMin"],
      ["1899-12-31", "validation.dateMin"],
    ] as const) {
      const res = await postForm(reviewer, "/admin/patto", "/admin/patto", {
        name: "Sindacato Distratto",
        signatoryType: "UNION",
        signedOn,
        commitments: "",
      });
      expect(res.status, signedOn).toBe(422);
      expect(res.text, signedOn).toMatch(fieldError("signedOn", message));
      expect(res.text, signedOn).toContain(`value="${signedOn}"`);
    }
    expect(await ctx.db.prisma.pactSignature.count({ where: { organizationId: null } })).toBe(0);
  });

  it("adds a confirmed signatory, audited, listed under its type", async () => {
    const res = await postForm(reviewer, "/admin/patto", "/admin/patto", {
      name: "Camera del Lavoro di Prova",
      signatoryType: "UNION",
      signedOn: "2025-03-12",
      commitments: "Contrattazione di secondo livello",
    });
    expect(res.status).toBe(303);
    const [entry] = await audits("pact.add");
    expect(entry).toMatchObject({
      actorId: reviewerId,
      after: { name: "Camera del Lavoro di Prova", signatoryType: "UNION" },
    });
    const page = (await request(ctx.app).get("/patto")).text;
    const unions = page.slice(page.indexOf('id="tipo-UNION"'), page.indexOf('id="tipo-FIRM"'));
    expect(unions).toContain("Camera del Lavoro di Prova");
    expect(unions).toContain("12 marzo 2025");
  });
});

describe("/admin/impostazioni", () => {
  it("is for admins only, and only admins see it in the menu", async () => {
    expect((await reviewer.get("/admin/impostazioni")).status).toBe(403);
    const token = await tokenFor(reviewer, "/admin");
    const post = await reviewer
      .post("/admin/impostazioni")
      .type("form")
      .send({ _csrf: token, textIt: "x", textEn: "y" });
    expect(post.status).toBe(403);
    expect((await reviewer.get("/admin")).text).not.toContain('href="/admin/impostazioni"');
    const page = await admin.get("/admin/impostazioni");
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/admin/impostazioni"');
    expect(page.text).toContain("Patto metropolitano per il welfare aziendale territoriale");
    expect(await ctx.db.prisma.siteContent.count()).toBe(0);
  });

  it("validates both texts and keeps what was typed", async () => {
    const res = await postForm(admin, "/admin/impostazioni", "/admin/impostazioni", {
      textIt: "Nuovo testo italiano",
      textEn: "   ",
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("textEn", "validation.required"));
    expect(res.text).toContain('href="#campo-textEn"');
    expect(res.text).toContain("Nuovo testo italiano</textarea>");
    expect(await ctx.db.prisma.siteContent.count()).toBe(0);
  });

  it("saves the Pact's text, audited with before and after, escaped on /patto", async () => {
    const res = await postForm(admin, "/admin/impostazioni", "/admin/impostazioni", {
      textIt: "Primo paragrafo <b>nuovo</b>.\n\nSecondo paragrafo.",
      textEn: "First new paragraph.\r\n\r\nSecond paragraph.",
    });
    expect(res.status).toBe(303);
    const page = (await request(ctx.app).get("/patto")).text;
    expect(page).toContain("Primo paragrafo &lt;b&gt;nuovo&lt;/b&gt;.</p>");
    expect(page).toContain("Secondo paragrafo.</p>");
    expect(page).not.toContain("<b>nuovo</b>");
    expect((await request(ctx.app).get("/patto?lang=en")).text).toContain("First new paragraph.</p>");
    const second = await postForm(admin, "/admin/impostazioni", "/admin/impostazioni", {
      textIt: "Terza versione.",
      textEn: "Third version.",
    });
    expect(second.status).toBe(303);
    const entries = await audits("settings.pactText");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorId: adminId, before: null, entityId: "pact" });
    expect(entries[1]).toMatchObject({
      before: { bodyIt: "Primo paragrafo <b>nuovo</b>.\n\nSecondo paragrafo." },
      after: { bodyIt: "Terza versione.", bodyEn: "Third version." },
    });
  });
});

describe("dates in Rome", () => {
  it("romeToday is the date in Rome, not in UTC", () => {
    expect(romeToday(new Date("2026-12-31T23:30:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(romeToday(new Date("2026-07-01T21:59:00Z")).toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(romeToday(new Date("2026-07-01T22:00:00Z")).toISOString()).toBe("2026-07-02T00:00:00.000Z");
  });

  it("between midnight in Rome and midnight UTC, accepts today's signatures and confirms with Rome's date", async () => {
    const real = new Date();
    const lateEvening = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 23, 30));
    const romeDate = romeDateAndTime(lateEvening).date;
    expect(romeDate).not.toBe(lateEvening.toISOString().slice(0, 10));
    const other = await buildOrganization(ctx.db.prisma, { name: "Impresa di Mezzanotte S.r.l." });
    const asked = await ctx.db.prisma.pactSignature.create({
      data: { signatoryType: "FIRM", name: other.name, organizationId: other.id, status: "REQUESTED", commitments: "" },
    });
    vi.useFakeTimers({ toFake: ["Date"], now: lateEvening });
    try {
      // A fresh login: the sessions opened at the real time would look expired hours later.
      const staff = await loggedInAgent(ctx.app, reviewerEmail, TEST_PASSWORD);
      const added = await postForm(staff, "/admin/patto", "/admin/patto", {
        name: "Sindacato di Mezzanotte",
        signatoryType: "UNION",
        signedOn: romeDate,
        commitments: "",
      });
      expect(added.status).toBe(303);
      const confirmed = await postForm(staff, "/admin/patto", `/admin/patto/${asked.id}/conferma`, {});
      expect(confirmed.status).toBe(303);
    } finally {
      vi.useRealTimers();
    }
    const external = await ctx.db.prisma.pactSignature.findFirstOrThrow({ where: { name: "Sindacato di Mezzanotte" } });
    expect(external.signedOn?.toISOString().slice(0, 10)).toBe(romeDate);
    const firmSignature = await ctx.db.prisma.pactSignature.findUniqueOrThrow({ where: { id: asked.id } });
    expect(firmSignature.signedOn?.toISOString().slice(0, 10)).toBe(romeDate);
  });
});

describe("concurrent requests", () => {
  it("records one request when the same firm asks twice at the same moment", async () => {
    const p = ctx.db.prisma;
    const busy = await buildOrganization(p, { name: "Impresa Frettolosa S.r.l." });
    const user = await buildCompanyUser(p, busy.id);
    const agents = await Promise.all([1, 2, 3, 4].map(() => loggedInAgent(ctx.app, user.email, TEST_PASSWORD)));
    const tokens = await Promise.all(agents.map((a) => tokenFor(a, "/impresa/patto")));
    const answers = await Promise.all(
      agents.map((a, i) =>
        a.post("/impresa/patto").type("form").send({ _csrf: tokens[i], commitments: "", confirm: "1" }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([303, 409, 409, 409]);
    expect(await p.pactSignature.count({ where: { organizationId: busy.id, status: "REQUESTED" } })).toBe(1);
  });
});
