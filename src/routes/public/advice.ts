import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { newAdviceReference } from "../../domain/referenceCode.js";
import { MeasureCategory } from "../../generated/prisma/enums.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { adviceRequestSchema } from "./advice.schema.js";

const view = "public/advice/form";

/**
 * /consulenza: a citizen asks the advisory service. The form is rate-limited
 * and carries a honeypot field (`sito`): when a robot fills it, nothing is
 * stored, and the answer looks the same as a real one (a code that exists
 * nowhere), so the robot learns nothing.
 */
export function adviceRoutes(services: Services, limits: RateLimits) {
  const router = Router();

  const options = async () => {
    const { comuni } = await services.referenceData.load();
    return { comuni, topics: Object.values(MeasureCategory), comuneCodes: new Set(comuni.map((c) => c.istatCode)) };
  };

  router.get("/consulenza", async (_req, res) => {
    const { comuni, topics } = await options();
    res.render(view, { comuni, topics, values: {}, errors: {} });
  });

  router.post("/consulenza", limits.publicForms, async (req, res) => {
    const { comuni, topics, comuneCodes } = await options();
    const honeypot = (req.body as Record<string, unknown> | undefined)?.website;
    if (typeof honeypot === "string" && honeypot.trim() !== "") {
      req.session.adviceReference = newAdviceReference();
      return res.redirect(303, "/consulenza/inviata");
    }
    const form = parseForm(adviceRequestSchema(comuneCodes), req);
    if (!form.ok) return renderInvalid(res, view, form, { comuni, topics });
    const { name, email, comuneCode, topic, message } = form.data;
    req.session.adviceReference = await services.advice.submit(
      { name, email, comuneCode, topic, message },
      res.locals.lang,
    );
    res.redirect(303, "/consulenza/inviata");
  });

  router.get("/consulenza/inviata", (req, res) => {
    const reference = req.session.adviceReference;
    if (!reference) return res.redirect(303, "/consulenza");
    res.render("public/advice/sent", { reference });
  });

  return router;
}
