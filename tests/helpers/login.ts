import request from "supertest";
import type { Express } from "express";
import { csrfFrom } from "./csrf.js";

/** An agent logged in through /accedi, as a browser would be. */
export async function loggedInAgent(app: Express, email: string, password: string) {
  const agent = request.agent(app);
  const form = await agent.get("/accedi");
  const res = await agent
    .post("/accedi")
    .type("form")
    .send({ _csrf: csrfFrom(form.text), email, password });
  if (res.status !== 303) throw new Error(`login of ${email} failed with ${res.status}`);
  return agent;
}

/** The CSRF token of a page the agent opens. */
export async function tokenFor(agent: request.Agent, path: string) {
  return csrfFrom((await agent.get(path)).text);
}
