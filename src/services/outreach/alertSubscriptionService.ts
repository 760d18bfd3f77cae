import type { AlertSettings, AlertSubscriptionRepository } from "../../data/outreach/alertSubscriptionRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { confirmationDeadline } from "../../domain/alerts.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";
import type { Language } from "../../locales/i18n.js";
import type { AlertMails } from "./alertMails.js";
import { hashToken, newSecretToken } from "../shared/secretTokens.js";

/** What a citizen asks for at /avvisi: where (a comune's centre or a point), how far, which categories (none: all). */
export interface AlertRequest {
  email: string;
  place: { comuneCode: string } | { lat: number; lon: number };
  radiusKm: number;
  categories: MeasureCategory[];
}

type Comuni = ReadonlyMap<string, { name: string; lat: number; lon: number }>;

/**
 * Subscriptions to the alerts: double opt-in (inactive until the e-mailed link
 * is followed), and one-click unsubscribe from any of their e-mails, which
 * deletes the subscription's personal data. No account, so nothing tells a
 * visitor whether an address is subscribed already: every request is a new
 * subscription with its own confirmation e-mail.
 */
export function createAlertSubscriptionService(deps: {
  subscriptions: AlertSubscriptionRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  mails: AlertMails;
  comuni: () => Promise<Comuni>;
}) {
  const { subscriptions, outbox, transaction, mails } = deps;

  async function pointOf(place: AlertRequest["place"]) {
    if (!("comuneCode" in place)) return { ...place, comuneCode: null, comuneName: null };
    const comune = (await deps.comuni()).get(place.comuneCode);
    // The form offers the known comuni only; anything else is a bug upstream.
    if (!comune) throw new Error(`unknown comune ${place.comuneCode}`);
    return { lat: comune.lat, lon: comune.lon, comuneCode: place.comuneCode, comuneName: comune.name };
  }

  return {
    /** Stores the subscription, inactive, and e-mails its confirmation link in `language`. */
    async subscribe(request: AlertRequest, language: Language, now = new Date()): Promise<void> {
      const { lat, lon, comuneCode, comuneName } = await pointOf(request.place);
      const { email, radiusKm, categories } = request;
      const confirm = newSecretToken();
      const unsubscribe = newSecretToken();
      await transaction(async (tx) => {
        const id = await subscriptions.create(
          {
            email,
            language,
            comuneCode,
            lat,
            lon,
            radiusKm,
            categories,
            consentAt: now,
            confirmTokenHash: confirm.hash,
          },
          tx,
        );
        const settings: AlertSettings = { id, email, language, comuneName, lat, lon, radiusKm, categories };
        const message = await outbox.enqueue(mails.confirmation(settings, confirm.token, unsubscribe.token), tx);
        await subscriptions.addMail(id, unsubscribe.hash, message.id, tx);
      });
    },

    /** Follows a confirmation link: true when the subscription is (or already was) active. */
    confirm: (token: string, now = new Date()) =>
      subscriptions.confirm(hashToken(token), confirmationDeadline(now), now),

    /** The subscription an unsubscribe link stands for; null when it is gone (or never was). */
    unsubscription: (token: string) => subscriptions.findByUnsubscribeToken(hashToken(token)),

    /** Deletes the subscription of an unsubscribe link; false when it was gone already. */
    unsubscribe(token: string): Promise<boolean> {
      return transaction(async (tx) => {
        const found = await subscriptions.findByUnsubscribeToken(hashToken(token), tx);
        return found ? subscriptions.remove(found.id, tx) : false;
      });
    },
  };
}

export type AlertSubscriptionService = ReturnType<typeof createAlertSubscriptionService>;
