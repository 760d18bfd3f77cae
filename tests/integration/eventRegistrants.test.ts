import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../src/db/database.js";
import type { Services } from "../../src/services/index.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOpenEvent } from "../factories/territoryFactory.js";
import { fieldError, t } from "../helpers/catalogue.js";
import { formValues } from "../helpers/formValues.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";
import { buildApp, createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// The staff's side of sign-up: capacity, the list of registrants and its CSV,
// attendance feeding the participants averages, and the retention job that
// anonymises registrants while keeping every count.
let ctx: TestContext;
let reviewer: request.Agent;
let staff: { id: number; name: string };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Iscrizioni");
  staff = { id: r.id, name: r.name };
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

type Event = Awaited<ReturnType<typeof buildOpenEvent>>;

/** Signs `who` up through the service, as the public form does. */
const signUp = (event: Event, who: string, language: "it" | "en" = "it") =>
  ctx.services.eventRegistration.signUp(
    event.slug,
    { name: `${who} Rossi`, email: `${who.toLowerCase()}@example.org`, organization: "" },
    language,
  );
const statuses = async (eventId: number) =>
  (await ctx.db.prisma.eventRegistration.findMany({ where: { eventId }, orderBy: { id: "asc" } })).map(
    (r) => `${r.name}:${r.status}`,
  );

/** The staff's event form of `event` as a browser posts it, with `changes`. */
async function saveEvent(event: Event, changes: Record<string, string>) {
  const page = `/admin/eventi/${event.id}`;
  const form = formValues((await reviewer.get(page)).text, page);
  return reviewer
    .post(page)
    .type("form")
    .send({ ...form, ...changes });
}

describe("capacity set by staff", () => {
  it("gives added seats to the first people waiting, e-mailed; refuses fewer seats than those given", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
    for (const who of ["Anna", "Bruno", "Carla"]) await signUp(event, who, who === "Bruno" ? "en" : "it");
    expect(await statuses(event.id)).toEqual(["Anna Rossi:CONFIRMED", "Bruno Rossi:WAITING", "Carla Rossi:WAITING"]);

    expect((await saveEvent(event, { capacity: "2" })).status).toBe(303);
    expect(await statuses(event.id)).toEqual(["Anna Rossi:CONFIRMED", "Bruno Rossi:CONFIRMED", "Carla Rossi:WAITING"]);
    expect((await lastMailTo(ctx.db.prisma, "bruno@example.org")).subject).toBe(
      t("events.mail.promoted.subject", "en", { title: event.title }),
    );
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "event.update", entityId: String(event.id) },
    });
    expect(audit.after).toMatchObject({ capacity: 2, promoted: [expect.any(Number)] });

    const fewer = await saveEvent(event, { capacity: "1" });
    expect(fewer.status).toBe(422);
    expect(fewer.text).toMatch(fieldError("capacity", "events.errors.capacityBelowSeats", { count: 2 }));
    expect(fewer.text).toContain('href="#campo-capacity"');
    expect(fewer.text).toContain('value="1"');
    expect((await ctx.db.prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(2);

    // No limit: everyone waiting gets a seat.
    expect((await saveEvent(event, { capacity: "" })).status).toBe(303);
    expect(await statuses(event.id)).toEqual([
      "Anna Rossi:CONFIRMED",
      "Bruno Rossi:CONFIRMED",
      "Carla Rossi:CONFIRMED",
    ]);
    expect((await lastMailTo(ctx.db.prisma, "carla@example.org")).subject).toBe(
      t("events.mail.promoted.subject", "it", { title: event.title }),
    );

    // Sign-up closed: the public page has no form; the people signed up stay.
    expect((await saveEvent(event, { capacity: "", registrationOpen: "" })).status).toBe(303);
    expect((await request(ctx.app).get(`/eventi/${event.slug}`)).text).not.toContain("/iscrizione");
    expect(await statuses(event.id)).toHaveLength(3);
  });
});

describe("the waiting list after the start", () => {
  it("gives nobody a seat once the event has started, whatever the capacity", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
    for (const who of ["Lia", "Leo"]) await signUp(event, who);
    await ctx.db.prisma.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 60_000) } });
    expect((await saveEvent(event, { capacity: "" })).status).toBe(303);
    expect(await statuses(event.id)).toEqual(["Lia Rossi:CONFIRMED", "Leo Rossi:WAITING"]);
    expect((await lastMailTo(ctx.db.prisma, "leo@example.org")).subject).not.toContain("posto");
  });

  it("gives nobody a seat while the event is cancelled or postponed", async () => {
    for (const status of ["CANCELLED", "POSTPONED"]) {
      const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
      for (const who of ["Ada", "Ugo"]) await signUp(event, `${who}${status}`);
      expect((await saveEvent(event, { status, capacity: "" })).status).toBe(303);
      expect(await statuses(event.id)).toEqual([`Ada${status} Rossi:CONFIRMED`, `Ugo${status} Rossi:WAITING`]);
    }
  });
});

describe("the list of registrants", () => {
  it("pages through every registration and downloads them as CSV for spreadsheets", async () => {
    const p = ctx.db.prisma;
    const event = await buildOpenEvent(p, { capacity: 50, title: "Seminario affollato" });
    await p.eventRegistration.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        eventId: event.id,
        name: `Persona ${String(i + 1).padStart(2, "0")}`,
        email: `persona${i + 1}@example.org`,
        organization: i === 0 ? "=SOMMA(A1)" : "",
        status: i < 50 ? ("CONFIRMED" as const) : ("WAITING" as const),
        consentAt: new Date(),
      })),
    });
    const list = `/admin/eventi/${event.id}/iscritti`;
    const first = await reviewer.get(list);
    expect(first.status).toBe(200);
    expect(first.text).toContain('data-total="51"');
    expect(first.text).toContain("Persona 50");
    expect(first.text).not.toContain("Persona 51");
    expect(first.text).toContain(t("events.registrations.admin.seatsOf", "it", { confirmed: 50, capacity: 50 }));
    // Not held yet: nothing to mark.
    expect(first.text).not.toContain(`action="/admin/eventi/${event.id}/presenze"`);
    expect((await reviewer.get(`${list}?pagina=2`)).text).toContain("Persona 51");
    expect((await reviewer.get(`${list}?pagina=abc`)).status).toBe(400);
    expect((await reviewer.get("/admin/eventi/999999/iscritti")).status).toBe(404);
    // The staff's list of events links to it.
    expect((await reviewer.get("/admin/eventi")).text).toContain(`href="${list}"`);

    const csv = await reviewer.get(`${list}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["cache-control"]).toBe("no-store");
    expect(csv.headers["content-disposition"]).toContain(`iscritti-${event.slug}`);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Identificativo;Nome e cognome;Indirizzo email;Ente o impresa;Stato;Iscritto il;Passato dalla lista d'attesa il;Annullata il;Presente",
    );
    expect(lines).toHaveLength(53);
    expect(lines[1]).toMatch(
      /^\d+;Persona 01;persona1@example\.org;'=SOMMA\(A1\);Posto confermato;\d{4}-\d\d-\d\d \d\d:\d\d;;;$/,
    );
    expect(lines[51]).toContain(";Persona 51;persona51@example.org;;In lista d'attesa;");
  });
});

describe("attendance", () => {
  it("counts the registrants marked present as the event's participants, in the averages", async () => {
    const p = ctx.db.prisma;
    const past = new Date("2024-03-10T09:00:00Z");
    const held = await buildOpenEvent(p, { capacity: 10 });
    for (const who of ["Dario", "Elena", "Fabio", "Gina"]) await signUp(held, who);
    await p.event.update({ where: { id: held.id }, data: { startsAt: past } });
    await p.event.create({
      data: {
        slug: "2024-04-seminario-senza-iscrizioni",
        title: "Senza iscrizioni",
        type: "SEMINAR",
        startsAt: new Date("2024-04-10T09:00:00Z"),
        place: "Bologna",
        organizer: "CMBO",
        participants: 10,
      },
    });
    const figure = async () =>
      (await request(ctx.app).get("/statistiche/eventi.csv").expect(200)).text
        .split("\n")
        .find((l) => l.startsWith("2024"));
    // Registrations but no attendance yet: not counted in the average.
    expect(await figure()).toBe("2024,SEMINAR,2,10\r");

    const [dario, elena, fabio, gina] = await p.eventRegistration.findMany({
      where: { eventId: held.id },
      orderBy: { id: "asc" },
    });
    await markCancelled(gina!.id);
    const list = `/admin/eventi/${held.id}/iscritti`;
    const page = await reviewer.get(list);
    expect(page.text).toContain(`action="/admin/eventi/${held.id}/presenze"`);
    expect(page.text).not.toContain(`value="${gina!.id}"`);
    const saved = await reviewer
      .post(`/admin/eventi/${held.id}/presenze`)
      .type("form")
      .send({
        _csrf: await tokenFor(reviewer, list),
        pagina: "1",
        shown: [dario, elena, fabio].map((r) => String(r!.id)),
        present: [String(dario!.id), String(fabio!.id)],
      });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${list}?esito=presenze`);
    const after = await p.event.findUniqueOrThrow({ where: { id: held.id } });
    expect(after.participants).toBe(2);
    expect(after.attendanceRecordedAt).not.toBeNull();
    // (2 + 10) / 2, at once: the public figures follow the change.
    expect(await figure()).toBe("2024,SEMINAR,2,6\r");
    expect((await request(ctx.app).get("/eventi")).text).toMatch(
      /<th scope="row">2024<\/th>\s*<td>Seminario<\/td>\s*<td class="text-end">2<\/td>\s*<td class="text-end">6,0<\/td>/,
    );
    expect((await p.auditEntry.findFirstOrThrow({ where: { action: "event.attendance" } })).after).toEqual({
      participants: 2,
      present: [dario!.id, fabio!.id],
    });

    // A count typed in the event's form does not replace the registrants'.
    const form = await reviewer.get(`/admin/eventi/${held.id}`);
    expect(form.text).not.toContain('name="participants"');
    expect((await saveEvent(held, { participants: "99" })).status).toBe(303);
    expect((await p.event.findUniqueOrThrow({ where: { id: held.id } })).participants).toBe(2);
  });

  it("is recorded only once the event has started (409)", async () => {
    const upcoming = await buildOpenEvent(ctx.db.prisma);
    await signUp(upcoming, "Ivo");
    const [ivo] = await ctx.db.prisma.eventRegistration.findMany({ where: { eventId: upcoming.id } });
    const list = `/admin/eventi/${upcoming.id}/iscritti`;
    const res = await reviewer
      .post(`/admin/eventi/${upcoming.id}/presenze`)
      .type("form")
      .send({ _csrf: await tokenFor(reviewer, list), pagina: "1", shown: String(ivo!.id), present: String(ivo!.id) });
    expect(res.status).toBe(409);
    expect((await ctx.db.prisma.eventRegistration.findUniqueOrThrow({ where: { id: ivo!.id } })).attended).toBe(false);
  });
});

/** A registration its person cancelled (the cancellation itself: eventRegistration.test.ts). */
const markCancelled = (id: number) =>
  ctx.db.prisma.eventRegistration.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: new Date() } });

describe("retention of registrants' personal data", () => {
  let secondDb: Database;
  let second: Services;
  beforeAll(() => {
    secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
    second = buildApp(ctx.config, secondDb).services;
  });
  afterAll(async () => {
    if (secondDb && secondDb !== ctx.db) await secondDb.close();
  });

  it("anonymises registrants 24 months after the event, keeping counts and attendance, once with two instances", async () => {
    const p = ctx.db.prisma;
    const now = new Date("2027-03-15T10:00:00Z");
    const old = await buildOpenEvent(p, { capacity: 1, title: "Seminario di due anni fa" });
    const recent = await buildOpenEvent(p, { title: "Seminario recente" });
    for (const who of ["Olga", "Oreste"]) await signUp(old, who);
    await signUp(recent, "Rina");
    await p.event.update({ where: { id: old.id }, data: { startsAt: new Date("2025-02-01T09:00:00Z") } });
    await p.event.update({ where: { id: recent.id }, data: { startsAt: new Date("2025-05-01T09:00:00Z") } });
    const [olga, oreste] = await p.eventRegistration.findMany({ where: { eventId: old.id }, orderBy: { id: "asc" } });
    await ctx.services.eventRegistration.recordAttendance(old.id, staff, [olga!.id, oreste!.id], [olga!.id], now);

    // Every registration of events held before 2025-03-15 (other tests' too), and no other.
    const expired = await p.eventRegistration.count({
      where: { event: { startsAt: { lt: new Date("2025-03-15T10:00:00Z") } } },
    });
    const runs = await Promise.all([
      ctx.services.eventRegistration.anonymiseExpired(now),
      second.eventRegistration.anonymiseExpired(now),
    ]);
    expect(runs.map((r) => r.anonymised).sort((a, b) => a - b)).toEqual([0, expired]);

    const rows = await p.eventRegistration.findMany({ where: { eventId: old.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.name, r.email, r.organization, r.cancelTokenHash, r.status, r.attended])).toEqual([
      ["", "", "", null, "CONFIRMED", true],
      ["", "", "", null, "WAITING", false],
    ]);
    expect(rows.every((r) => r.anonymisedAt !== null)).toBe(true);
    expect((await p.event.findUniqueOrThrow({ where: { id: old.id } })).participants).toBe(1);
    expect(await ctx.services.eventRegistration.seats(old.id)).toEqual({ confirmed: 1, waiting: 1 });
    expect(await p.outboxMessage.count({ where: { to: { in: ["olga@example.org", "oreste@example.org"] } } })).toBe(0);
    // The recent event's registrant keeps her data and her e-mail.
    expect((await p.eventRegistration.findFirstOrThrow({ where: { eventId: recent.id } })).name).toBe("Rina Rossi");
    expect(await p.outboxMessage.count({ where: { to: "rina@example.org" } })).toBe(1);
    const audit = await p.auditEntry.findFirstOrThrow({ where: { action: "eventRegistration.anonymise" } });
    expect(audit.after).toMatchObject({ anonymised: expired, retentionMonths: 24 });
    expect((await reviewer.get(`/admin/eventi/${old.id}/iscritti`)).text).toContain(
      t("events.registrations.admin.anonymised"),
    );
  });
});
