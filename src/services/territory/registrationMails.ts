import type { Registrant } from "../../data/territory/eventRegistrationRepository.js";
import type { OutgoingMail } from "../../data/shared/outboxRepository.js";
import type { RegistrationStatus } from "../../generated/prisma/enums.js";
import { romeLongDateTime } from "../../domain/romeTime.js";
import { asLanguage, type I18n } from "../../locales/i18n.js";

/** An event as its e-mails name it. */
export interface MailedEvent {
  slug: string;
  title: string;
  startsAt: Date;
  place: string;
}

/**
 * The e-mails to a person signed up for an event (events.mail.* of the
 * catalogues), in the language of the site when they signed up. Each carries
 * the event's address: the retention job finds a registration's e-mails by it.
 */
export function createRegistrationMails(publicBaseUrl: string, i18n: I18n) {
  const write = (to: Registrant, event: MailedEvent, key: string, extra: Record<string, unknown> = {}) => {
    const language = asLanguage(to.language);
    const t = i18n.getFixedT(language);
    const params = {
      name: to.name,
      title: event.title,
      when: romeLongDateTime(event.startsAt, language),
      place: event.place,
      eventLink: `${publicBaseUrl}/eventi/${event.slug}?lang=${language}`,
      ...extra,
    };
    return { to: to.email, subject: t(`${key}.subject`, params), text: t(`${key}.text`, params) };
  };
  const cancelLink = (token: string, language: string) =>
    `${publicBaseUrl}/eventi/annulla/${token}?lang=${asLanguage(language)}`;

  return {
    /** A seat, or a place in the waiting list, with the personal link that cancels. */
    signedUp(to: Registrant, event: MailedEvent, status: RegistrationStatus, position: number, token: string) {
      const key = status === "WAITING" ? "events.mail.waiting" : "events.mail.confirmed";
      return write(to, event, key, { position, cancelLink: cancelLink(token, to.language) });
    },

    /** The address signed up again: where it stands, and a new link (the earlier one stops working). */
    alreadySignedUp(to: Registrant, event: MailedEvent, status: RegistrationStatus, token: string): OutgoingMail {
      const key = status === "WAITING" ? "events.mail.alreadyWaiting" : "events.mail.alreadyConfirmed";
      return write(to, event, key, { cancelLink: cancelLink(token, to.language) });
    },

    /** A seat freed up for someone on the waiting list. */
    promoted: (to: Registrant, event: MailedEvent): OutgoingMail => write(to, event, "events.mail.promoted"),
  };
}

export type RegistrationMails = ReturnType<typeof createRegistrationMails>;
