import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { createOutboxRepository } from "../../src/data/shared/outboxRepository.js";
import { createMailService, retryDelayMs } from "../../src/services/shared/mailService.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("the outbox", () => {
  it("keeps a message queued when sending fails and delivers it on a later attempt", async () => {
    const outbox = createOutboxRepository(ctx.db.prisma);
    const mail = createMailService(outbox, "Registro <noreply@example.org>");
    const message = await outbox.enqueue({ to: "dest@example.org", subject: "Prova", text: "Testo di prova" });

    const broken = { sendMail: () => Promise.reject(new Error("connection refused")) };
    expect(await mail.deliverPending(broken)).toEqual({ attempted: 1, sent: 0 });
    const failed = await ctx.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lastError: "connection refused" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: the backoff holds it back.
    expect(await mail.deliverPending(broken)).toEqual({ attempted: 0, sent: 0 });

    await ctx.db.prisma.outboxMessage.update({ where: { id: message.id }, data: { nextAttemptAt: new Date() } });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const recording = {
      sendMail: async (m: { from: string; to: string; subject: string; text: string }) =>
        sent.push(String((await transport.sendMail(m)).message)),
    };
    expect(await mail.deliverPending(recording)).toEqual({ attempted: 1, sent: 1 });
    expect(JSON.parse(sent[0]!)).toMatchObject({
      subject: "Prova",
      text: "Testo di prova",
      to: [{ address: "dest@example.org" }],
    });
    expect(await ctx.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  });

  it("backs off exponentially up to six hours", () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(240_000);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });
});
