import type { Prisma } from "../../generated/prisma/client.js";
import type { EventStatus, EventType } from "../../generated/prisma/enums.js";
import { romeDateAndTime, romeLocalToInstant } from "../../domain/romeTime.js";
import { slugify } from "../../domain/slug.js";
import type { NewAdviceRequest } from "../../data/outreach/adviceRepository.js";
import { seedDemoRegistrations } from "./demoRegistrations.js";

type Tx = Prisma.TransactionClient;

interface DemoEvent {
  /** Days from today: negative = already held. */
  inDays: number;
  time: string;
  hours: number;
  title: string;
  type: EventType;
  place: string;
  comuneCode: string | null;
  organizer: string;
  description: string;
  participants: number | null;
  /** How many registered demo organizations attended. */
  attendees: number;
  status?: EventStatus;
  /** The link to join online (example.org: fictitious, like the rest of the demo data). */
  onlineUrl?: string;
}

// prettier-ignore
const events: DemoEvent[] = [
  { inDays: -640, time: "09:30", hours: 3, title: "Welfare aziendale e territorio: il progetto del Piano strategico", type: "SEMINAR", place: "Palazzo Malvezzi, Sala del Consiglio", comuneCode: "037006", organizer: "Città metropolitana di Bologna", description: "Presentazione del progetto «Politiche di welfare aziendale in un sistema di welfare condiviso» alle associazioni di categoria e ai sindacati.", participants: 85, attendees: 4 },
  { inDays: -520, time: "17:00", hours: 2, title: "Incontro con le imprese della pianura", type: "MEETING", place: "Sala civica", comuneCode: "037055", organizer: "Unione Reno Galliera", description: "Le PMI della pianura raccontano le misure già attive e i bisogni dei lavoratori.", participants: 24, attendees: 3 },
  { inDays: -430, time: "14:30", hours: 4, title: "Formazione: progettare una misura aperta ai cittadini", type: "TRAINING", place: "Centro per l'impiego, aula 2", comuneCode: "037006", organizer: "Città metropolitana di Bologna", description: "Laboratorio pratico per referenti HR: dalla misura aziendale al servizio per il territorio.", participants: 18, attendees: 5 },
  { inDays: -330, time: "10:00", hours: 2, title: "Reti di imprese per la conciliazione", type: "SEMINAR", place: "Auditorium comunale", comuneCode: "037054", organizer: "CNA Bologna", description: "Esperienze di reti tra piccole imprese: assistente familiare condivisa e baby sitter on demand.", participants: 62, attendees: 4 },
  { inDays: -250, time: "17:30", hours: 2, title: "Tavolo del Patto metropolitano", type: "MEETING", place: "Palazzo Malvezzi, Sala Zodiaco", comuneCode: "037006", organizer: "Città metropolitana di Bologna", description: "Verifica degli impegni dei firmatari del Patto.", participants: 31, attendees: 2 },
  { inDays: -160, time: "09:00", hours: 6, title: "Formazione per i consulenti del servizio ai cittadini", type: "TRAINING", place: "Online", comuneCode: null, organizer: "Città metropolitana di Bologna", description: "Il mercato privato dei servizi di welfare: come orientare i cittadini.", participants: null, attendees: 0, onlineUrl: "https://videoconferenza.example.org/formazione-consulenti" },
  { inDays: -90, time: "15:00", hours: 3, title: "Salute e prevenzione nei luoghi di lavoro", type: "SEMINAR", place: "Casa della Salute", comuneCode: "037032", organizer: "Azienda USL di Imola", description: "Campagne di screening aperte ai residenti: risultati e prossimi passi.", participants: 47, attendees: 3 },
  { inDays: -30, time: "18:00", hours: 2, title: "Incontro con i sindacati sul welfare territoriale", type: "MEETING", place: "Camera del Lavoro", comuneCode: "037006", organizer: "CGIL, CISL, UIL Bologna", description: "Il punto di vista dei lavoratori sulle misure aperte al territorio.", participants: 29, attendees: 1 },
  { inDays: 12, time: "09:30", hours: 3, title: "Seminario: monitorare e valutare il welfare territoriale", type: "SEMINAR", place: "Palazzo Malvezzi, Sala del Consiglio", comuneCode: "037006", organizer: "Città metropolitana di Bologna", description: "Indicatori, dati aperti e statistiche del registro.", participants: null, attendees: 0, onlineUrl: "https://videoconferenza.example.org/seminario-monitoraggio" },
  { inDays: 40, time: "17:00", hours: 2, title: "Incontro con le imprese dell'Appennino", type: "MEETING", place: "Sala consiliare", comuneCode: "037062", organizer: "Unione dei Comuni dell'Appennino bolognese", description: "Come costruire una rete di imprese nei comuni di montagna.", participants: null, attendees: 0, status: "CANCELLED" },
  { inDays: 75, time: "14:00", hours: 4, title: "Formazione: iscrivere l'impresa al registro", type: "TRAINING", place: "Online", comuneCode: null, organizer: "Città metropolitana di Bologna", description: "Guida passo passo alla domanda di iscrizione e alla descrizione delle misure.", participants: null, attendees: 0, onlineUrl: "https://videoconferenza.example.org/iscrivere-l-impresa" },
  { inDays: 130, time: "10:00", hours: 3, title: "Giornata metropolitana del welfare condiviso", type: "SEMINAR", place: "Fiera District, Sala Bianca", comuneCode: "037006", organizer: "Città metropolitana di Bologna", description: "Incontro annuale dei firmatari del Patto e delle imprese iscritte.", participants: null, attendees: 0 },
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Demo events (past and upcoming, relative to today), funding records
 * (public and not, in money and in kind) and two advice requests. Emails end in .invalid.
 */
export async function seedDemoOutreach(tx: Tx): Promise<void> {
  const organizations = await tx.organization.findMany({
    where: { registryStatus: "REGISTERED", isDemo: true },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  const today = isoDay(new Date());
  const created: { id: number; inDays: number }[] = [];
  for (const [i, e] of events.entries()) {
    const date = isoDay(new Date(Date.parse(`${today}T12:00:00Z`) + e.inDays * 86_400_000));
    const startsAt = romeLocalToInstant(date, e.time)!;
    const attendees = organizations.slice((i * 3) % Math.max(organizations.length, 1)).slice(0, e.attendees);
    const event = await tx.event.create({
      data: {
        slug: `${romeDateAndTime(startsAt).date}-${slugify(e.title)}`,
        title: e.title,
        type: e.type,
        startsAt,
        endsAt: new Date(startsAt.getTime() + e.hours * 3_600_000),
        place: e.place,
        comuneCode: e.comuneCode,
        organizer: e.organizer,
        description: e.description,
        participants: e.participants,
        status: e.status ?? "SCHEDULED",
        onlineUrl: e.onlineUrl ?? null,
        attendees: { create: attendees.map((o) => ({ organizationId: o.id })) },
      },
    });
    created.push({ id: event.id, inDays: e.inDays });
  }

  const network = await tx.network.findFirst({ where: { isDemo: true }, orderBy: { id: "asc" }, select: { id: true } });
  const measure = await tx.measure.findFirst({
    where: { openToCitizens: true, organization: { isDemo: true, registryStatus: "REGISTERED" } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const eventId = (n: number) => created[n]?.id ?? null;
  // The next seminar and the online training (the 9th and 11th above) take sign-ups.
  await seedDemoRegistrations(tx, eventId(8), eventId(10));
  // prettier-ignore
  await tx.contribution.createMany({
    data: [
      { activity: "Seminari sul welfare territoriale", amount: "4500.00", resource: "Fondo regionale per le politiche sociali", fundedBy: "Regione Emilia-Romagna", grantedOn: new Date("2025-02-10"), eventId: eventId(0), isPublic: true },
      { activity: "Seminari sul welfare territoriale", amount: "2750.50", resource: "Fondo regionale per le politiche sociali", fundedBy: "Regione Emilia-Romagna", grantedOn: new Date("2025-09-22"), eventId: eventId(3), isPublic: true },
      { activity: "Formazione dei referenti aziendali", amount: "12000.00", resource: "Fondo sociale europeo+ 2021-2027", fundedBy: "Regione Emilia-Romagna", grantedOn: new Date("2025-05-05"), eventId: eventId(2), isPublic: true },
      { activity: "Avvio delle reti di imprese", amount: "8000.00", resource: "Bando welfare di comunità", fundedBy: "Fondazione di comunità (demo)", grantedOn: new Date("2026-01-20"), networkId: network?.id ?? null, isPublic: true },
      { activity: "Servizio di consulenza ai cittadini", amount: "15000.00", resource: "Bilancio metropolitano, capitolo politiche sociali", fundedBy: "Città metropolitana di Bologna", grantedOn: new Date("2026-03-01"), isPublic: true },
      { activity: "Misure aperte ai cittadini", amount: "3200.75", resource: "Cofinanziamento", fundedBy: "Comune di Bologna", grantedOn: new Date("2026-04-15"), measureId: measure?.id ?? null, isPublic: false },
      { activity: "Servizio di consulenza ai cittadini", amount: "1234.56", resource: "Convenzione con le associazioni di categoria", fundedBy: "Associazioni di categoria (demo)", grantedOn: new Date("2026-06-30"), isPublic: false },
      { activity: "Seminari sul welfare territoriale", kind: "PREMISES", description: "Sala del Consiglio di Palazzo Malvezzi per quattro seminari", estimatedValue: "1200.00", resource: "", fundedBy: "Città metropolitana di Bologna", grantedOn: new Date("2025-02-10"), eventId: eventId(0), isPublic: true },
      { activity: "Servizio di consulenza ai cittadini", kind: "STAFF_TIME", description: "Due operatori dello sportello sociale per 40 ore", resource: "", fundedBy: "Comune di Bologna", grantedOn: new Date("2026-03-01"), isPublic: true },
    ],
  });

  const advice: (Omit<NewAdviceRequest, "language" | "consentAt"> & { answer?: string })[] = [
    {
      referenceCode: "CONS-2026-DEMQA2",
      name: "Maria Bianchi (demo)",
      email: "maria.bianchi@demo.invalid",
      comuneCode: "037006",
      topic: "ANZIANI",
      message:
        "Mia madre vive da sola a Bologna e non è più autosufficiente. Ci sono servizi di assistenza aperti ai cittadini nel quartiere Santo Stefano?",
    },
    {
      referenceCode: "CONS-2026-DEMQB3",
      name: "Luca Verdi (demo)",
      email: "luca.verdi@demo.invalid",
      comuneCode: "037054",
      topic: "MINORI",
      message:
        "Un'agenzia privata mi propone una baby sitter a 18 euro l'ora. È un prezzo normale? Esistono alternative pubbliche o aziendali a San Lazzaro?",
      answer:
        "A San Lazzaro di Savena la rete «Tate in Rete» offre baby sitter formate ai residenti a 12 euro l'ora. Trova i recapiti nella pagina della rete.",
    },
  ];
  for (const a of advice) {
    const { answer, ...data } = a;
    await tx.adviceRequest.create({
      data: {
        ...data,
        consentAt: new Date(Date.now() - 5 * 86_400_000),
        ...(answer ? { answer, status: "ANSWERED", answeredAt: new Date(Date.now() - 86_400_000) } : {}),
      },
    });
  }
}
