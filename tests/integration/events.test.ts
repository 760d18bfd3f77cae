import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventRepository } from "../../src/data/territory/eventRepository.js";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { eventJsonLdOf, validCalendar } from "../helpers/dataValidators.js";

let ctx: TestContext;
let reviewer: request.Agent;
let company: request.Agent;
let registered: { id: number; name: string; slug: string }[];
let notRegisteredId: number;

const post = async (agent: request.Agent, path: string, form: Record<string, string | string[]>, page: string) =>
  agent
    .post(path)
    .type("form")
    .send({ _csrf: await tokenFor(agent, page), ...form });
const audits = (action: string, entityId: number) =>
  ctx.db.prisma.auditEntry.findMany({ where: { action, entityType: "Event", entityId: String(entityId) } });

const validEvent = (overrides: Record<string, string | string[]> = {}) => ({
  title: "Seminario: welfare, territorio; reti di PMI",
  type: "SEMINAR",
  date: "2031-03-12",
  time: "09:30",
  endTime: "12:45",
  place: "Sala del Consiglio, Palazzo Malvezzi",
  comuneCode: "037006",
  organizer: "Città metropolitana di Bologna",
  description: "Come costruire una rete di imprese.\nSecondo paragrafo.",
  participants: "",
  status: "SCHEDULED",
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
  });
  const p = ctx.db.prisma;
  registered = await Promise.all([
    buildOrganization(p, { name: "Officine Felsinee", slug: "officine-felsinee" }),
    buildOrganization(p, { name: "Cooperativa del Reno", slug: "cooperativa-del-reno" }),
  ]);
  const { org, user } = await buildSubmittedApplication(p);
  notRegisteredId = org.id;
  const r = await buildUser(p, "REVIEWER", "Rita Istruttrice");
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
  company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("roles", () => {
  it("sends anonymous visitors to log in and refuses companies with 403", async () => {
    const anonymous = request(ctx.app);
    for (const path of ["/admin/eventi", "/admin/eventi/nuovo"]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent(path)}`);
      expect((await company.get(path)).status, path).toBe(403);
    }
    expect((await post(company, "/admin/eventi/nuovo", validEvent(), "/")).status).toBe(403);
    expect(await ctx.db.prisma.event.count({ where: { title: validEvent().title } })).toBe(0);
  });

  it("refuses a POST without CSRF token", async () => {
    expect((await reviewer.post("/admin/eventi/nuovo").type("form").send(validEvent())).status).toBe(403);
  });
});

describe("staff record events", () => {
  it("answers a wrong form with 422, Italian messages beside the fields and the values kept", async () => {
    const res = await post(
      reviewer,
      "/admin/eventi/nuovo",
      validEvent({ title: "", time: "9 e mezza", participants: "molti", place: "Teatro <Comunale>" }),
      "/admin/eventi/nuovo",
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toMatch(fieldError("title", "validation.required"));
    expect(res.text).toMatch(fieldError("time", "events.errors.time"));
    expect(res.text).toMatch(fieldError("participants", "validation.integer"));
    for (const field of ["title", "time", "participants"]) expect(res.text).toContain(`href="#campo-${field}"`);
    expect(res.text).toContain('value="9 e mezza"');
    expect(res.text).toContain('value="Teatro &lt;Comunale&gt;"');
    expect(res.text).toContain("Come costruire una rete di imprese.");

    const order = await post(reviewer, "/admin/eventi/nuovo", validEvent({ endTime: "08:00" }), "/admin/eventi/nuovo");
    expect(order.status).toBe(422);
    expect(order.text).toMatch(fieldError("endTime", "events.errors.endBeforeStart"));
    expect(order.text).toContain('href="#campo-endTime"');
    const day = await post(reviewer, "/admin/eventi/nuovo", validEvent({ date: "2031-02-30" }), "/admin/eventi/nuovo");
    expect(day.status).toBe(422);
    expect(day.text).toMatch(fieldError("date", "validation.date"));
  });

  it("accepts only registered organizations as attendees", async () => {
    const res = await post(
      reviewer,
      "/admin/eventi/nuovo",
      validEvent({ organizationIds: [String(registered[0]!.id), String(notRegisteredId)] }),
      "/admin/eventi/nuovo",
    );
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("organizationIds", "events.errors.notRegistered"));
    expect(res.text).toContain('href="#campo-organizationIds"');
    expect(await ctx.db.prisma.event.count()).toBe(0);
  });

  it("creates, edits and deletes an event, each audited", async () => {
    const p = ctx.db.prisma;
    const created = await post(
      reviewer,
      "/admin/eventi/nuovo",
      validEvent({ organizationIds: registered.map((o) => String(o.id)) }),
      "/admin/eventi/nuovo",
    );
    expect(created.status).toBe(303);
    const event = await p.event.findFirstOrThrow({
      where: { title: validEvent().title },
      include: { attendees: true },
    });
    // 09:30 in Rome in March (CET, UTC+1)
    expect(event.startsAt.toISOString()).toBe("2031-03-12T08:30:00.000Z");
    expect(event.endsAt?.toISOString()).toBe("2031-03-12T11:45:00.000Z");
    expect(event.slug).toBe("2031-03-12-seminario-welfare-territorio-reti-di-pmi");
    expect(event.attendees.map((a) => a.organizationId).sort()).toEqual(registered.map((o) => o.id).sort());
    expect((await audits("event.create", event.id))[0]?.after).toMatchObject({ title: event.title, type: "SEMINAR" });

    const page = `/admin/eventi/${event.id}`;
    expect((await reviewer.get(page)).text).toContain('value="09:30"');
    const edited = await post(
      reviewer,
      page,
      validEvent({ type: "TRAINING", participants: "40", organizationIds: String(registered[1]!.id) }),
      page,
    );
    expect(edited.status).toBe(303);
    const after = await p.event.findUniqueOrThrow({ where: { id: event.id }, include: { attendees: true } });
    expect(after).toMatchObject({ type: "TRAINING", participants: 40, slug: event.slug });
    expect(after.attendees.map((a) => a.organizationId)).toEqual([registered[1]!.id]);
    const update = (await audits("event.update", event.id))[0];
    expect(update?.before).toMatchObject({ type: "SEMINAR", participants: null });
    expect(update?.after).toMatchObject({ type: "TRAINING", participants: 40, organizationIds: [registered[1]!.id] });

    const contribution = await p.contribution.create({
      data: {
        activity: "Seminario",
        amount: "100.00",
        resource: "Fondo",
        fundedBy: "Regione",
        grantedOn: new Date("2031-01-10"),
        eventId: event.id,
      },
    });
    // "Elimina l'evento" leads to a confirmation page; only its form deletes.
    expect((await reviewer.get(page)).text).toContain(`href="${page}/elimina"`);
    const question = await reviewer.get(`${page}/elimina`);
    expect(question.status).toBe(200);
    expect(question.text).toContain(`«${event.title}»`);
    expect(await p.event.count({ where: { id: event.id } })).toBe(1);
    expect((await post(reviewer, `${page}/elimina`, {}, `${page}/elimina`)).status).toBe(303);
    expect(await p.event.count({ where: { id: event.id } })).toBe(0);
    expect((await p.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).eventId).toBeNull();
    expect((await audits("event.delete", event.id))[0]?.before).toMatchObject({
      slug: event.slug,
      unlinkedContributions: [contribution.id],
    });
    expect((await reviewer.get(page)).status).toBe(404);
    expect((await reviewer.get("/admin/eventi/abc")).status).toBe(404);
  });
});

describe("status, online link and cost", () => {
  it("refuses a status it does not know and a link that is not http(s), keeping what was typed", async () => {
    const res = await post(
      reviewer,
      "/admin/eventi/nuovo",
      validEvent({ title: "Evento con link strano", status: "FINITO", onlineUrl: "javascript:alert(1)" }),
      "/admin/eventi/nuovo",
    );
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("status", "validation.choice"));
    expect(res.text).toMatch(fieldError("onlineUrl", "validation.url"));
    expect(res.text).toContain('value="javascript:alert(1)"');
    expect(await ctx.db.prisma.event.count({ where: { title: "Evento con link strano" } })).toBe(0);
  });

  it("records them, audits them and shows them in the form; a new event is free until told otherwise", async () => {
    const blank = await reviewer.get("/admin/eventi/nuovo");
    expect(blank.text).toMatch(/<input [^>]*name="freeOfCharge" value="1" checked/);
    const created = await post(
      reviewer,
      "/admin/eventi/nuovo",
      validEvent({
        title: "Formazione annullata",
        status: "CANCELLED",
        onlineUrl: " https://videoconferenza.example.org/stanza-1 ",
        comuneCode: "",
      }),
      "/admin/eventi/nuovo",
    );
    expect(created.status).toBe(303);
    const event = await ctx.db.prisma.event.findFirstOrThrow({ where: { title: "Formazione annullata" } });
    // No freeOfCharge in the form: the box was unticked.
    expect(event).toMatchObject({
      status: "CANCELLED",
      onlineUrl: "https://videoconferenza.example.org/stanza-1",
      freeOfCharge: false,
    });
    expect((await audits("event.create", event.id))[0]?.after).toMatchObject({
      status: "CANCELLED",
      onlineUrl: "https://videoconferenza.example.org/stanza-1",
      freeOfCharge: false,
    });
    const form = await reviewer.get(`/admin/eventi/${event.id}`);
    expect(form.text).toMatch(/<option value="CANCELLED"[^>]*selected/);
    expect(form.text).not.toMatch(/name="freeOfCharge" value="1" checked/);
    await ctx.db.prisma.event.delete({ where: { id: event.id } });
  });
});

describe("public events", () => {
  it("lists upcoming and past events, shows one and offers its .ics", async () => {
    const p = ctx.db.prisma;
    const upcoming = await p.event.create({
      data: {
        slug: "2032-05-20-incontro-reti",
        title: "Incontro: reti, imprese; comuni",
        type: "MEETING",
        startsAt: new Date("2032-05-20T07:00:00Z"),
        endsAt: new Date("2032-05-20T09:00:00Z"),
        place: "Sala Zodiaco, via Zamboni 13",
        comuneCode: "037006",
        organizer: "Città metropolitana",
        description: "Ordine del giorno:\n1. reti; 2. patto, firme",
        attendees: { create: [{ organizationId: registered[0]!.id }] },
      },
    });
    await p.event.create({
      data: {
        slug: "2020-01-10-seminario-storico",
        title: "Seminario storico",
        type: "SEMINAR",
        startsAt: new Date("2020-01-10T09:00:00Z"),
        place: "Online",
        organizer: "CMBO",
        participants: 33,
      },
    });
    const list = await request(ctx.app).get("/eventi");
    expect(list.status).toBe(200);
    const [future, past] = list.text.split('id="passati"');
    expect(future).toContain("/eventi/2032-05-20-incontro-reti");
    expect(past).toContain("/eventi/2020-01-10-seminario-storico");
    expect(past).not.toContain("/eventi/2032-05-20-incontro-reti");

    const page = await request(ctx.app).get(`/eventi/${upcoming.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Incontro: reti, imprese; comuni");
    expect(page.text).toContain("giovedì 20 maggio 2032");
    expect(page.text).toContain('href="/registro/officine-felsinee"');
    expect(page.text).toContain(`/eventi/${upcoming.slug}/calendario.ics`);
    const jsonLd = JSON.parse(page.text.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1] ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "Event", name: upcoming.title, startDate: "2032-05-20T07:00:00.000Z" });
    expect((await request(ctx.app).get("/eventi/non-esiste")).status).toBe(404);

    const ics = await request(ctx.app).get(`/eventi/${upcoming.slug}/calendario.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(ics.headers["content-disposition"]).toContain(`${upcoming.slug}.ics`);
    const text = ics.text;
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("\r\nDTSTART;TZID=Europe/Rome:20320520T090000\r\n");
    expect(unfolded).toContain("\r\nDTEND;TZID=Europe/Rome:20320520T110000\r\n");
    expect(unfolded).toContain("\r\nSUMMARY:Incontro: reti\\, imprese\\; comuni\r\n");
    expect(unfolded).toContain(
      "\r\nDESCRIPTION:Ordine del giorno:\\n1. reti\\; 2. patto\\, firme\\n\\nhttp://localhost:3000/eventi/2032-05-20-incontro-reti\r\n",
    );
    expect(unfolded).toContain("\r\nLOCATION:Sala Zodiaco\\, via Zamboni 13\\, Bologna\r\n");
    expect(unfolded).toContain("\r\nUID:evento-2032-05-20-incontro-reti@localhost\r\n");
  });
});

describe("calendars and structured data", () => {
  it("shows a cancelled online event as such, on its page, in schema.org and in its .ics", async () => {
    const event = await ctx.db.prisma.event.create({
      data: {
        slug: "2032-06-01-webinar-annullato",
        title: "Webinar annullato",
        type: "TRAINING",
        startsAt: new Date("2032-06-01T08:00:00Z"),
        place: "Online",
        organizer: "CMBO",
        status: "CANCELLED",
        onlineUrl: "https://videoconferenza.example.org/webinar",
        freeOfCharge: false,
      },
    });
    const page = await request(ctx.app).get(`/eventi/${event.slug}`);
    expect(page.text).toContain('<span class="badge bg-danger">Annullato</span>');
    expect(page.text).toContain('href="https://videoconferenza.example.org/webinar"');
    const jsonLd = eventJsonLdOf(page.text);
    expect(jsonLd).toMatchObject({
      eventStatus: "https://schema.org/EventCancelled",
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      location: { "@type": "VirtualLocation", url: "https://videoconferenza.example.org/webinar" },
      isAccessibleForFree: false,
    });
    // Not free: no offer, since its price is not known.
    expect(jsonLd.offers).toBeUndefined();
    expect((await request(ctx.app).get("/eventi")).text).toMatch(/Webinar annullato[\s\S]*?Annullato<\/span>/);

    const ics = await request(ctx.app).get(`/eventi/${event.slug}/calendario.ics`);
    expect(ics.text).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(ics.text.replace(/\r\n /g, "")).toContain(
      "CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://videoconferenza.example.org/webinar",
    );
    await ctx.db.prisma.event.delete({ where: { id: event.id } });
  });

  it("offers the all-events calendar to subscribe to, named in the page's language", async () => {
    for (const [lang, query] of [
      ["it", ""],
      ["en", "?lang=en"],
    ] as const) {
      const feedUrl = `localhost:3000/eventi.ics${query}`;
      const page = (await request(ctx.app).get(`/eventi${query}`)).text;
      expect(page, lang).toContain(`href="webcal://${feedUrl}"`);
      expect(page, lang).toContain(`http://${feedUrl}</code>`);
      expect(page, lang).toContain(inHtml(t("events.feed.subscribe", lang)));
      const feed = validCalendar((await request(ctx.app).get(`/eventi.ics${query}`).expect(200)).text).calendar;
      expect(feed.getFirstPropertyValue("x-wr-calname"), lang).toBe(t("events.feed.name", lang));
      expect(feed.getFirstPropertyValue("source"), lang).toBe(`http://${feedUrl}`);
    }
    expect((await request(ctx.app).get("/open-data")).text).toContain('href="/eventi.ics"');
  });

  it("holds the upcoming events and those of the past year, not older ones", async () => {
    const p = ctx.db.prisma;
    const day = 86_400_000;
    const at = (slug: string, daysFromNow: number) =>
      p.event.create({
        data: {
          slug,
          title: slug,
          type: "MEETING",
          startsAt: new Date(Date.now() + daysFromNow * day),
          place: "Bologna",
          organizer: "CMBO",
        },
      });
    const made = [await at("tra-un-mese", 30), await at("dieci-mesi-fa", -300), await at("due-anni-fa", -730)];
    const uids = validCalendar((await request(ctx.app).get("/eventi.ics")).text).events.map((e) => e.uid);
    expect(uids).toContain("evento-tra-un-mese@localhost");
    expect(uids).toContain("evento-dieci-mesi-fa@localhost");
    expect(uids).not.toContain("evento-due-anni-fa@localhost");
    await p.event.deleteMany({ where: { id: { in: made.map((e) => e.id) } } });
  });
});

describe("figures per year and type", () => {
  it("counts held events and averages known participants, per year in Rome and type", async () => {
    const p = ctx.db.prisma;
    await p.eventAttendance.deleteMany({});
    await p.contribution.deleteMany({});
    await p.event.deleteMany({});
    const at = (iso: string, type: "SEMINAR" | "MEETING" | "TRAINING", participants: number | null, n: number) => ({
      slug: `fixture-${n}`,
      title: `Fixture ${n}`,
      type,
      startsAt: new Date(iso),
      place: "Bologna",
      organizer: "CMBO",
      participants,
    });
    await p.event.createMany({
      data: [
        at("2025-03-01T09:00:00Z", "SEMINAR", 10, 1),
        at("2025-06-01T09:00:00Z", "SEMINAR", 21, 2),
        at("2025-09-01T09:00:00Z", "SEMINAR", null, 3),
        // 31 December 23:30 UTC is already 1 January 2025 in Rome
        at("2024-12-31T23:30:00Z", "MEETING", 7, 4),
        at("2024-05-01T09:00:00Z", "MEETING", 8, 5),
        at("2024-06-01T09:00:00Z", "MEETING", 8, 6),
        at("2024-07-01T09:00:00Z", "MEETING", 9, 7),
        at("2024-02-01T09:00:00Z", "TRAINING", null, 8),
        at("2099-01-01T09:00:00Z", "SEMINAR", 500, 9),
        // Cancelled or postponed: never held, whatever their date.
        { ...at("2025-04-01T09:00:00Z", "SEMINAR", 99, 10), status: "CANCELLED" },
        { ...at("2024-04-01T09:00:00Z", "TRAINING", 99, 11), status: "POSTPONED" },
      ],
    });
    const figures = createEventRepository(p).figuresByYearAndType;
    expect(await figures()).toEqual([
      { year: 2025, type: "SEMINAR", events: 3, averageParticipants: 15.5, participants: 31 },
      { year: 2025, type: "MEETING", events: 1, averageParticipants: 7, participants: 7 },
      { year: 2024, type: "MEETING", events: 3, averageParticipants: 8.3, participants: 25 },
      { year: 2024, type: "TRAINING", events: 1, averageParticipants: null, participants: null },
    ]);
    // One year's, bounded in Rome's time by PostgreSQL (the monitoring report's figures).
    expect(await figures(new Date(), 2024)).toEqual([
      { year: 2024, type: "MEETING", events: 3, averageParticipants: 8.3, participants: 25 },
      { year: 2024, type: "TRAINING", events: 1, averageParticipants: null, participants: null },
    ]);
    const page = await request(ctx.app).get("/eventi");
    expect(page.text).toMatch(
      /<th scope="row">2025<\/th>\s*<td>Seminario<\/td>\s*<td class="text-end">3<\/td>\s*<td class="text-end">15,5<\/td>/,
    );
    expect(page.text).toMatch(
      /<th scope="row">2024<\/th>\s*<td>Formazione<\/td>\s*<td class="text-end">1<\/td>\s*<td class="text-end">non rilevato<\/td>/,
    );
    const english = await request(ctx.app).get("/eventi?lang=en");
    expect(english.text).toContain("Events in figures");
    expect(english.text).toMatch(/<td class="text-end">8\.3<\/td>/);
  });
});

/** What a browser would send back: the values of the checked boxes called `name`. */
const checkedIn = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input [^>]*name="${name}" value="([^"]*)" checked>`, "g"))].map((m) => m[1]!);

describe("dates and attendees kept on edit", () => {
  it("answers 422, never 500, to dates that do not exist or are before 1900", async () => {
    for (const [date, message] of [
      ["2031-02-31", "validation.date"],
      ["0000-01-01", "validation.dateMin"],
      ["1899-12-31", "validation.dateMin"],
    ] as const) {
      const res = await post(
        reviewer,
        "/admin/eventi/nuovo",
        validEvent({ title: "Data strana", date }),
        "/admin/eventi/nuovo",
      );
      expect(res.status, date).toBe(422);
      expect(res.text, date).toMatch(fieldError("date", message));
    }
    expect(await ctx.db.prisma.event.count({ where: { title: "Data strana" } })).toBe(0);
  });

  it("keeps an attendee that has left the register since it was recorded", async () => {
    const p = ctx.db.prisma;
    const left = await buildOrganization(p, { name: "Impresa Uscita S.r.l.", slug: "impresa-uscita" });
    const event = await p.event.create({
      data: {
        slug: "2031-06-01-incontro-con-uscita",
        title: "Incontro con un'impresa uscita",
        type: "MEETING",
        startsAt: new Date("2031-06-01T08:00:00Z"),
        place: "Bologna",
        organizer: "CMBO",
        attendees: { create: [{ organizationId: left.id }, { organizationId: registered[0]!.id }] },
      },
    });
    await p.organization.update({ where: { id: left.id }, data: { registryStatus: "SUSPENDED" } });
    const page = `/admin/eventi/${event.id}`;
    const form = await reviewer.get(page);
    expect(form.text).toContain("Impresa Uscita S.r.l.");
    const organizationIds = checkedIn(form.text, "organizationIds");
    expect(organizationIds.sort()).toEqual([String(left.id), String(registered[0]!.id)].sort());

    const invalid = await post(reviewer, page, validEvent({ title: "", organizationIds }), page);
    expect(invalid.status).toBe(422);
    expect(checkedIn(invalid.text, "organizationIds").sort()).toEqual(organizationIds.sort());

    const saved = await post(reviewer, page, validEvent({ title: "Incontro modificato", organizationIds }), page);
    expect(saved.status).toBe(303);
    const after = await p.eventAttendance.findMany({ where: { eventId: event.id } });
    expect(after.map((a) => String(a.organizationId)).sort()).toEqual(organizationIds.sort());
    // Still not a choice for other events, nor something to add.
    expect((await reviewer.get("/admin/eventi/nuovo")).text).not.toContain("Impresa Uscita S.r.l.");
    await p.eventAttendance.deleteMany({ where: { eventId: event.id } });
    await p.event.delete({ where: { id: event.id } });
  });
});
