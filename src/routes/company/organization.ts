import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { organizationSchema } from "./organization.schema.js";
import { asFormValues, formVersion, renderRefused } from "./workspaceView.js";

/** The organization form of the application (a draft can be saved incomplete). */
export function organizationRoutes(services: Services) {
  const router = Router();
  const view = "company/organization";
  const options = async () => {
    const { comuni, ateco } = await services.referenceData.load();
    return { comuni, ateco };
  };

  router.get("/organizzazione", async (req, res) => {
    const ws = await services.companyDraft.workspace(req.user!);
    if (!ws.editable) return renderRefused(res, { ok: false, reason: "locked" });
    // The draft keeps a number another organization holds, but says beside it that it cannot be submitted.
    const vat = ws.payload.organization.vatNumber;
    const taken = vat ? await services.companyDraft.vatNumberTaken(vat, ws.organization?.id ?? null) : false;
    res.render(view, {
      ...(await options()),
      values: { ...asFormValues(ws.payload.organization), version: formVersion(ws) },
      errors: taken ? { vatNumber: { key: "validation.vatTaken" } } : {},
    });
  });

  router.post("/organizzazione", async (req, res) => {
    const form = parseForm(organizationSchema, req);
    if (!form.ok) return renderInvalid(res, view, form, await options());
    const { version, positionConfirmed, ...organization } = form.data;
    const { byCode } = await services.referenceData.load();
    const comune = organization.comuneCode ? byCode.get(organization.comuneCode) : undefined;
    if (organization.comuneCode && !comune) {
      return renderInvalid(
        res,
        view,
        { errors: { comuneCode: { key: "validation.comune" } }, values: form.data as Record<string, unknown> },
        await options(),
      );
    }
    // Without a point placed on the map the seat is geocoded from its address (services/seatPosition.ts).
    const outcome = await services.companyDraft.saveOrganization(req.user!, version, organization, {
      comune,
      confirmed: positionConfirmed === "1",
    });
    if (outcome.ok) return res.redirect(303, "/impresa?salvato=organizzazione");
    renderRefused(res, outcome);
  });

  return router;
}
