import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { paragraphs } from "../../domain/pactText.js";
import { SignatoryType } from "../../generated/prisma/enums.js";

/** /patto: the Pact's text and its confirmed signatories, grouped by type. */
export function pactPage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [text, signatories] = await Promise.all([services.pact.text(), services.pact.publicSignatories()]);
    const groups = Object.values(SignatoryType).map((type) => ({
      type,
      signatories: signatories.filter((s) => s.signatoryType === type),
    }));
    res.render("public/pact", {
      paragraphs: paragraphs(res.locals.lang === "en" ? text.en : text.it),
      groups,
      total: signatories.length,
    });
  };
}
