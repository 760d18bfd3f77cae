import request from "supertest";
import type { Express } from "express";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { csrfFrom } from "./csrf.js";
import { lastMailTo } from "./outbox.js";

/** Bologna's centre as the test factories place organizations (completePayload, buildOrganization). */
export const BOLOGNA = { lat: 44.4938, lon: 11.3387 };

/** A point `km` north of `from`: earthdistance's sphere has 111.32 km a degree of latitude. */
export const northOf = (from: { lat: number; lon: number }, km: number) => ({
  lat: from.lat + km / 111.32,
  lon: from.lon,
});

/** A valid subscription form, from the position `at` (as the browser shares it), 10 km, every category. */
export function alertForm(email: string, overrides: Record<string, string | string[]> = {}) {
  return {
    email,
    comuneCode: "",
    lat: String(BOLOGNA.lat),
    lon: String(BOLOGNA.lon),
    radiusKm: "10",
    privacy: "1",
    ...overrides,
  };
}

/** A citizen's visit to /avvisi (`page`, e.g. "/avvisi?lang=en"): the form, then the POST with its CSRF token. */
export async function subscribe(app: Express, form: Record<string, string | string[]>, page = "/avvisi") {
  const citizen = request.agent(app);
  const token = csrfFrom((await citizen.get(page)).text);
  return citizen
    .post("/avvisi")
    .type("form")
    .send({ _csrf: token, ...form });
}

/** The links of this site in an e-mail, as paths: an alert e-mail's first is what it is about, its last unsubscribes. */
export function pathsIn(text: string): string[] {
  return (text.match(/https?:\/\/\S+/g) ?? []).map((url) => new URL(url).pathname);
}

/** Subscribes through the form and follows the confirmation link of the e-mail, as the citizen would. */
export async function confirmedSubscription(
  app: Express,
  prisma: PrismaClient,
  email: string,
  overrides: Record<string, string | string[]> = {},
) {
  const res = await subscribe(app, alertForm(email, overrides));
  if (res.status !== 303) throw new Error(`subscription of ${email} answered ${res.status}`);
  const [confirm] = pathsIn((await lastMailTo(prisma, email)).text);
  const confirmed = await request(app).get(confirm!);
  if (confirmed.status !== 200) throw new Error(`confirmation of ${email} answered ${confirmed.status}`);
  return prisma.alertSubscription.findFirstOrThrow({ where: { email }, orderBy: { id: "desc" } });
}
