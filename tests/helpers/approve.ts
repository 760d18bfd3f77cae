import type { TestContext } from "./testApp.js";
import { buildUser } from "../factories/applicationFactory.js";
import type { Actor } from "../../src/services/review/reviewService.js";

type Context = Pick<TestContext, "db" | "services">;

async function submitted(ctx: Context, organizationId: number) {
  return ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId, status: "SUBMITTED" } });
}

/** A reviewer to decide with, when the test does not care which one. */
const someReviewer = (ctx: Context) => buildUser(ctx.db.prisma, "REVIEWER", "Revisore di prova");

/**
 * Approves an organization's submitted application through the review service,
 * exactly as the back office does (a helper that re-implemented it drifted
 * from it). Throws when the service refuses, so a test cannot go on silently.
 */
export async function approveSubmitted(ctx: Context, organizationId: number, actor?: Actor) {
  const application = await submitted(ctx, organizationId);
  const outcome = await ctx.services.review.approve({
    applicationId: application.id,
    version: application.version,
    actor: actor ?? (await someReviewer(ctx)),
  });
  if (!outcome.ok) throw new Error(`approval refused: ${outcome.reason}`);
  return application.id;
}

/** Asks for changes with a comment through the review service, as a reviewer would. */
export async function requestChanges(ctx: Context, organizationId: number, comment: string, actor?: Actor) {
  const application = await submitted(ctx, organizationId);
  const outcome = await ctx.services.review.requestChanges(
    { applicationId: application.id, version: application.version, actor: actor ?? (await someReviewer(ctx)) },
    comment,
  );
  if (!outcome.ok) throw new Error(`request for changes refused: ${outcome.reason}`);
}
