import request from "supertest";
import type { Express } from "express";
import type { Services } from "../../src/services/index.js";
import { csrfFrom } from "./csrf.js";
import { currentCode, nextCode, recoveryCodesOnPage, rememberAuthenticator, secretOnPage } from "./authenticator.js";

/**
 * An agent logged in through /accedi, as a browser would be. Staff (and
 * company users who turned it on) pass the second factor too: the set-up page
 * the first time (its key read from the page, as a person would type it), the
 * code of the app afterwards.
 */
export async function loggedInAgent(app: Express, email: string, password: string) {
  const agent = request.agent(app);
  const form = await agent.get("/accedi");
  const res = await agent
    .post("/accedi")
    .type("form")
    .send({ _csrf: csrfFrom(form.text), email, password });
  if (res.status !== 303) throw new Error(`login of ${email} failed with ${res.status}`);
  await completeSecondStep(agent, res.headers.location as string, email);
  return agent;
}

/**
 * After the right password, wherever it led: the set-up of the app (its answer
 * is the recovery codes page), its code (the redirect onward), or nothing more.
 */
export async function completeSecondStep(agent: request.Agent, location: string, email: string) {
  if (location === "/account/due-fattori") return enrolThroughPage(agent, email);
  if (location !== "/accedi/codice") return undefined;
  const page = await agent.get(location);
  const typed = nextCode(email);
  const action = "code" in typed ? location : "/accedi/codice-di-recupero";
  const res = await agent
    .post(action)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), ...typed });
  if (res.status !== 303) throw new Error(`the second factor of ${email} was refused with ${res.status}`);
  return res;
}

/** Sets up the app from /account/due-fattori; the recovery codes page it answers with. */
export async function enrolThroughPage(agent: request.Agent, email: string) {
  const page = await agent.get("/account/due-fattori");
  const secret = secretOnPage(page.text);
  const { code, step } = currentCode(secret);
  const res = await agent
    .post("/account/due-fattori")
    .type("form")
    .send({ _csrf: csrfFrom(page.text), code });
  if (res.status !== 200) throw new Error(`the enrolment of ${email} failed with ${res.status}`);
  rememberAuthenticator(email, secret, step, recoveryCodesOnPage(res.text));
  return res;
}

/** Enrols a user's authenticator through the service, without a login (e.g. a company user who turned it on). */
export async function enrolTwoFactor(services: Services, user: Express.User) {
  const enrolment = await services.twoFactor.enrolment(user);
  if (!enrolment) throw new Error(`${user.email} is enrolled already`);
  const { code, step } = currentCode(enrolment.secret);
  const outcome = await services.twoFactor.confirmEnrolment(user, code);
  if (!outcome.ok) throw new Error(`the enrolment of ${user.email} was refused`);
  rememberAuthenticator(user.email, enrolment.secret, step, outcome.recoveryCodes);
  return { secret: enrolment.secret, recoveryCodes: outcome.recoveryCodes };
}

/** The CSRF token of a page the agent opens. */
export async function tokenFor(agent: request.Agent, path: string) {
  return csrfFrom((await agent.get(path)).text);
}
