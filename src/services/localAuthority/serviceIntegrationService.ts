import type { LocalAuthorityRepository } from "../../data/localAuthority/localAuthorityRepository.js";
import type { LocalRegisterRepository } from "../../data/localAuthority/localRegisterRepository.js";
import type { ServiceIntegrationRepository } from "../../data/localAuthority/serviceIntegrationRepository.js";
import type { RegisterAdminRepository } from "../../data/review/registerAdminRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { IntegrationStatus } from "../../generated/prisma/enums.js";
import type { DecisionMails } from "../review/decisionMails.js";
import type { Actor } from "../review/reviewService.js";
import type { MailMessages } from "../shared/mailMessages.js";

export interface IntegrationProposal {
  measureId: number;
  comuneCode: string;
  serviceName: string;
  description: string;
  contact: string;
}
export type ProposalOutcome = { ok: true; id: number } | { ok: false; field: "measureId" | "comuneCode" };
export type IntegrationDecision = "ACCEPTED" | "DECLINED";
export type DecisionOutcome = { ok: true } | { ok: false; reason: "notFound" | "conflict" };

/**
 * "Integrazione con i servizi pubblici": a local authority proposes that one
 * of its public services work together with a firm's published measure in its
 * territory; staff accept or decline it with a comment (audited, the
 * authority told by e-mail in its language); an accepted one shows on the
 * firm's public page under the measure, and the firm is told.
 */
export function createServiceIntegrationService(deps: {
  integrations: ServiceIntegrationRepository;
  localAuthorities: LocalAuthorityRepository;
  register: LocalRegisterRepository;
  firms: RegisterAdminRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  messages: MailMessages;
  mails: DecisionMails;
}) {
  const { integrations, localAuthorities, register, firms, audit, outbox, transaction, messages, mails } = deps;

  return {
    ofProposer: (userId: number) => integrations.ofProposer(userId),
    list: (status: IntegrationStatus, page: number) => integrations.list(status, page),
    countProposed: () => integrations.countProposed(),

    /** Both the service's comune and the firm's measure must be of the proposer's own territory. */
    async propose(user: Express.User, input: IntegrationProposal): Promise<ProposalOutcome> {
      const comuneCodes = (await localAuthorities.territory(user.id)).map((c) => c.istatCode);
      if (!comuneCodes.includes(input.comuneCode)) return { ok: false, field: "comuneCode" };
      return transaction(async (tx) => {
        const measure = await register.measureIn({ comuneCodes }, input.measureId, tx);
        if (!measure) return { ok: false, field: "measureId" } as const;
        const created = await integrations.create({ ...input, measureTitle: measure.title, proposerId: user.id }, tx);
        await audit.change(tx, user, "integration.propose", ["ServiceIntegration", created.id], undefined, {
          ...input,
          organization: measure.organization?.name,
        });
        return { ok: true, id: created.id } as const;
      });
    },

    /** `comment`: required to decline (the route's schema), optional to accept. */
    async decide(id: number, actor: Actor, decision: IntegrationDecision, comment: string): Promise<DecisionOutcome> {
      return transaction(async (tx) => {
        const found = await integrations.find(id, tx);
        if (!found) return { ok: false, reason: "notFound" } as const;
        const decisionComment = comment || null;
        if (!(await integrations.decide(id, { status: decision, decidedById: actor.id, decisionComment }, tx)))
          return { ok: false, reason: "conflict" } as const;
        await audit.change(
          tx,
          actor,
          decision === "ACCEPTED" ? "integration.accept" : "integration.decline",
          ["ServiceIntegration", id],
          { status: found.status },
          { status: decision, comment: decisionComment },
        );
        const organization = found.measure?.organization;
        const service = `${found.serviceName} (${found.comune.name})`;
        await outbox.enqueue(
          messages(found.proposer, `localAuthority.mail.${decision}`, {
            name: found.proposer.name,
            service,
            measure: found.measureTitle,
            organization: organization?.name ?? "",
            comment: decisionComment ?? "—",
            link: "/ente/integrazioni",
          }),
          tx,
        );
        if (decision === "ACCEPTED" && organization) {
          const firm = await firms.status(organization.id, tx);
          await outbox.enqueueAll(
            mails.decision("INTEGRATION_ACCEPTED", firm, `«${found.measureTitle}»: ${service}`),
            tx,
          );
        }
        return { ok: true } as const;
      });
    },
  };
}

export type ServiceIntegrationService = ReturnType<typeof createServiceIntegrationService>;
