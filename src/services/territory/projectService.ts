import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { SiteContentRepository } from "../../data/shared/siteContentRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { PartnerData, ProjectRepository } from "../../data/territory/projectRepository.js";
import { SignatoryType } from "../../generated/prisma/enums.js";
import { defaultProjectText, PROJECT_CONTENT_KEYS } from "../../domain/projectText.js";
import type { Actor } from "../review/reviewService.js";
import { saveSiteText } from "../shared/siteTexts.js";

type Bilingual = { it: string; en: string };
export interface ProjectTexts {
  description: Bilingual;
  aims: Bilingual;
}

/**
 * The project page (/progetto): its texts and its partners, edited by admins
 * at /admin/impostazioni/progetto. Every change is audited in its transaction.
 */
export function createProjectService(deps: {
  project: ProjectRepository;
  siteContent: SiteContentRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
}) {
  const { project, siteContent, audit, transaction } = deps;
  const parts = Object.keys(PROJECT_CONTENT_KEYS) as (keyof ProjectTexts)[];

  return {
    /** The texts as stored, or the project sheet's until an admin saves them. */
    async texts(): Promise<ProjectTexts & { updatedAt: Date | null }> {
      const rows = new Map((await siteContent.findMany(Object.values(PROJECT_CONTENT_KEYS))).map((r) => [r.key, r]));
      const text = (part: keyof ProjectTexts) => {
        const row = rows.get(PROJECT_CONTENT_KEYS[part]);
        return row ? { it: row.bodyIt, en: row.bodyEn } : defaultProjectText[part];
      };
      const times = [...rows.values()].map((r) => r.updatedAt.getTime());
      return {
        description: text("description"),
        aims: text("aims"),
        updatedAt: times.length ? new Date(Math.max(...times)) : null,
      };
    },

    saveTexts(actor: Actor, texts: ProjectTexts) {
      return transaction(async (tx) => {
        for (const part of parts)
          await saveSiteText(
            tx,
            { siteContent, audit },
            actor,
            "settings.projectText",
            PROJECT_CONTENT_KEYS[part],
            texts[part],
          );
      });
    },

    partners: () => project.partners(),

    /** The partners by kind, in the order of the kinds (as the Pact's signatories); empty kinds left out. */
    async partnerGroups() {
      const partners = await project.partners();
      return Object.values(SignatoryType)
        .map((kind) => ({ kind, partners: partners.filter((p) => p.kind === kind) }))
        .filter((g) => g.partners.length > 0);
    },

    findPartner: (id: number) => project.findPartner(id),

    createPartner(actor: Actor, data: PartnerData) {
      return transaction(async (tx) => {
        const created = await project.createPartner(data, tx);
        await audit.change(tx, actor, "project.partner.create", ["ProjectPartner", created.id], undefined, data);
        return created;
      });
    },

    /** False when the partner is gone (removed by another admin meanwhile). */
    updatePartner(id: number, actor: Actor, data: PartnerData): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await project.findPartner(id, tx);
        if (!before) return false;
        await project.updatePartner(id, data, tx);
        const { id: _id, ...was } = before;
        await audit.change(tx, actor, "project.partner.update", ["ProjectPartner", id], was, data);
        return true;
      });
    },

    deletePartner(id: number, actor: Actor): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await project.findPartner(id, tx);
        if (!before) return false;
        await project.deletePartner(id, tx);
        const { id: _id, ...was } = before;
        await audit.change(tx, actor, "project.partner.delete", ["ProjectPartner", id], was);
        return true;
      });
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
