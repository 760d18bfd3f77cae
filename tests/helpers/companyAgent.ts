import request from "supertest";
import type { TestContext } from "./testApp.js";
import { csrfFrom } from "./csrf.js";
import { lastMailTo, linkIn } from "./outbox.js";

export const PASSWORD = "Password-lunga-123";

/** Posts a form the way a browser does: the CSRF token comes from the page the form is on. */
export async function postForm(
  agent: request.Agent,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
) {
  const html = (await agent.get(page)).text;
  return agent
    .post(action)
    .type("form")
    .send({ _csrf: csrfFrom(html), ...fields });
}

/** Signs up, follows the verification link and logs in: an agent of a new company user. */
export async function signedUpCompany(ctx: TestContext, email: string, name = "Carla Bianchi") {
  const agent = request.agent(ctx.app);
  await postForm(agent, "/registrati", "/registrati", { name, email, password: PASSWORD, privacy: "1" });
  const mail = await lastMailTo(ctx.db.prisma, email);
  await agent.get(linkIn(mail.text));
  const login = await postForm(agent, "/accedi", "/accedi", { email, password: PASSWORD });
  if (login.status !== 303) throw new Error(`login failed: ${login.status}`);
  return agent;
}

/** The version the forms of the company area currently carry. */
export function versionIn(html: string): string {
  return html.match(/name="version" value="(\d*)"/)?.[1] ?? "";
}

export const completeOrganization = (vatNumber: string) => ({
  name: "Officine Felsinee S.r.l.",
  legalForm: "S.r.l.",
  vatNumber,
  atecoSectionCode: "C",
  employees: "42",
  address: "Via della Beverara 12",
  comuneCode: "037006",
  lat: "",
  lon: "",
  website: "https://www.officinefelsinee.example",
  contactEmail: "info@officinefelsinee.example",
  phone: "051 123456",
  description: "Officina meccanica con un nido aziendale aperto al quartiere.",
  welfareStage: "ACTIVE",
});

export const completeMeasure = {
  title: "Nido aziendale Il Girasole",
  description: "Nido per i figli dei dipendenti con posti per le famiglie del quartiere.",
  category: "MINORI",
  status: "ACTIVE",
  beneficiaries: ["EMPLOYEES", "CITIZENS"],
  openToCitizens: "1",
  areaServed: "Quartiere Navile",
  accessConditions: "Domanda alla segreteria del nido entro giugno.",
  costToCitizens: "Retta ridotta in base all'ISEE",
  capacity: "12",
  startsOn: "2025-09-01",
  endsOn: "",
  partners: "Cooperativa sociale Dolce",
};
