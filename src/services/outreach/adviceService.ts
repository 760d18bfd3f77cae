import type { AdviceFilters, AdviceRepository } from "../../data/outreach/adviceRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { newAdviceReference } from "../../domain/referenceCode.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import { keysetBatches } from "../shared/keysetBatches.js";
import type { AdviceStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import type { I18n, Language } from "../../locales/i18n.js";
import type { Actor } from "../review/reviewService.js";
import { newSecretToken } from "../shared/secretTokens.js";

export interface AdviceQuestion {
  name: string;
  email: string;
  comuneCode: string;
  topic: MeasureCategory;
  message: string;
}

/** The advisory service for citizens ("consulenza"): questions, their handling and the answer by e-mail. */
export function createAdviceService(deps: {
  advice: AdviceRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  publicBaseUrl: string;
  i18n: I18n;
}) {
  const { advice, audit, outbox, transaction, i18n } = deps;

  /** The confirmation, in the citizen's language, with the personal link that withdraws consent. */
  function receivedMail(question: AdviceQuestion, referenceCode: string, language: Language, token: string) {
    const t = i18n.getFixedT(language);
    const params = {
      name: question.name,
      reference: referenceCode,
      link: `${deps.publicBaseUrl}/consulenza/revoca/${token}?lang=${language}`,
    };
    return {
      to: question.email,
      subject: t("advice.receivedMail.subject", params),
      text: t("advice.receivedMail.text", params),
    };
  }

  return {
    /** Stores the question, e-mails a confirmation and returns its reference code (random, never a sequence). */
    submit(question: AdviceQuestion, language: Language): Promise<string> {
      return transaction(async (tx) => {
        let referenceCode = newAdviceReference();
        while (await advice.referenceTaken(referenceCode, tx)) referenceCode = newAdviceReference();
        const { token, hash } = newSecretToken();
        const created = await advice.create(
          { ...question, referenceCode, language, consentAt: new Date(), withdrawalTokenHash: hash },
          tx,
        );
        await outbox.enqueue(receivedMail(question, referenceCode, language, token), tx);
        // Personal data stay in the request itself, not in the activity register.
        await audit.change(tx, null, "advice.submit", ["AdviceRequest", created.id], undefined, {
          referenceCode,
          topic: question.topic,
          comuneCode: question.comuneCode,
        });
        return referenceCode;
      });
    },

    list: (filters: AdviceFilters, page = 1) => advice.list(filters, page),
    /** Every request that matches, a batch at a time: the CSV download. */
    batches: (filters: AdviceFilters) =>
      keysetBatches((afterId, take) => advice.exportAfter(filters, afterId, take), STAFF_EXPORT_BATCH),
    find: (id: number) => advice.find(id),
    staff: (alsoId: number | null = null) => advice.staff(alsoId),

    update(id: number, actor: Actor, data: { status: AdviceStatus; assigneeId: number | null; internalNotes: string }) {
      return transaction(async (tx) => {
        const before = await advice.find(id, tx);
        if (!before) return "notFound" as const;
        if (before.withdrawnAt) return "withdrawn" as const;
        if (
          data.assigneeId !== null &&
          data.assigneeId !== before.assigneeId &&
          !(await advice.isActiveStaff(data.assigneeId, tx))
        )
          return "badAssignee" as const;
        if (!(await advice.update(id, data, tx))) return "withdrawn" as const;
        await audit.change(
          tx,
          actor,
          "advice.update",
          ["AdviceRequest", id],
          { status: before.status, assigneeId: before.assigneeId, internalNotes: before.internalNotes },
          data,
        );
        return "ok" as const;
      });
    },

    /** Saves the answer, e-mails it to the citizen in their language and marks the request ANSWERED. */
    answer(id: number, actor: Actor, answer: string) {
      return transaction(async (tx) => {
        const request = await advice.find(id, tx);
        if (!request) return "notFound" as const;
        const answeredAt = new Date();
        const assigneeId = request.assigneeId ?? actor.id;
        // The citizen withdrew consent (before or while staff wrote): there is no address to answer to.
        if (request.withdrawnAt || !(await advice.answer(id, { answer, answeredAt, assigneeId }, tx)))
          return "withdrawn" as const;
        const t = i18n.getFixedT(request.language === "en" ? "en" : "it");
        const params = {
          name: request.name,
          reference: request.referenceCode,
          question: request.message,
          answer,
          link: `${deps.publicBaseUrl}/guida`,
        };
        await outbox.enqueue(
          { to: request.email, subject: t("advice.mail.subject", params), text: t("advice.mail.text", params) },
          tx,
        );
        await audit.change(
          tx,
          actor,
          "advice.answer",
          ["AdviceRequest", id],
          { status: request.status, answer: request.answer },
          { status: "ANSWERED", answer, assigneeId },
        );
        return "ok" as const;
      });
    },
  };
}

export type AdviceService = ReturnType<typeof createAdviceService>;
