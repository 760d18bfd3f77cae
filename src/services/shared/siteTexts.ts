import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { SiteContentRepository } from "../../data/shared/siteContentRepository.js";
import type { Actor } from "../review/reviewService.js";

/**
 * Saves one of the texts admins edit at /admin/impostazioni (SiteContent) in
 * `tx`, audited as `action` with the text before and after. A text saved
 * unchanged is neither written nor audited: the activity log lists changes.
 */
export async function saveSiteText(
  tx: Db,
  deps: { siteContent: SiteContentRepository; audit: AuditRepository },
  actor: Actor,
  action: string,
  key: string,
  text: { it: string; en: string },
) {
  const before = await deps.siteContent.find(key, tx);
  if (before?.bodyIt === text.it && before.bodyEn === text.en) return;
  await deps.siteContent.save(key, text.it, text.en, actor.id, tx);
  await deps.audit.change(
    tx,
    actor,
    action,
    ["SiteContent", key],
    before ? { bodyIt: before.bodyIt, bodyEn: before.bodyEn } : null,
    { bodyIt: text.it, bodyEn: text.en },
  );
}
