import type { Beneficiary } from "../../generated/prisma/enums.js";
import type { MeasureTemplate } from "./demoMeasures.js";

const E: Beneficiary = "EMPLOYEES";
const F: Beneficiary = "FAMILIES";
const C: Beneficiary = "CITIZENS";

/** Demo measures about work-life balance, children, the elderly and health. */
// prettier-ignore
export const careMeasures = {
  // ---- CONCILIAZIONE
  "orario-flessibile": {
    title: "Orario flessibile e banca delle ore",
    description: "Ingresso e uscita flessibili su una fascia di due ore e banca delle ore per gestire visite mediche, colloqui scolastici e impegni familiari.",
    category: "CONCILIAZIONE", beneficiaries: [E], openToCitizens: false,
  },
  "smart-working": {
    title: "Lavoro agile per genitori e caregiver",
    description: "Fino a tre giorni a settimana di lavoro da remoto per chi ha figli sotto i 14 anni o assiste un familiare non autosufficiente.",
    category: "CONCILIAZIONE", beneficiaries: [E], openToCitizens: false,
  },
  "sportello-caregiver": {
    title: "Sportello di consulenza per caregiver",
    description: "Uno sportello settimanale con un'assistente sociale che orienta chi si prende cura di un familiare anziano o disabile: permessi, pratiche di invalidità, servizi domiciliari del Comune di {comune}.",
    category: "CONCILIAZIONE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "Comune di {comune} e comuni confinanti",
    accessConditions: "Su appuntamento, telefonando o scrivendo all'indirizzo di contatto.", costToCitizens: "Gratuito",
    capacity: 12, partners: "Servizi sociali del Comune di {comune}; Associazione di volontariato Filo d'Argento del territorio",
  },
  lavanderia: {
    title: "Lavanderia e stireria aziendale",
    description: "Ritiro e riconsegna in azienda di capi da lavare e stirare, affidati a una cooperativa sociale di inserimento lavorativo.",
    category: "CONCILIAZIONE", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Consegna dei capi in portineria dal lunedì al venerdì, 8-18.",
    costToCitizens: "Tariffe convenzionate della cooperativa, con sconto del 20% per i residenti",
    partners: "Cooperativa sociale di tipo B del territorio",
    pilot: { days: 365 },
  },
  // ---- MINORI
  "nido-quartiere": {
    title: "Asilo nido aziendale aperto al quartiere",
    description: "Nido per bambini da 9 a 36 mesi nella sede dell'azienda: metà dei posti va ai figli dei dipendenti, l'altra metà alle famiglie di {comune} in convenzione con il Comune.",
    category: "MINORI", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Iscrizione tramite la graduatoria comunale dei nidi; apertura dalle 7.30 alle 17.30.",
    costToCitizens: "Retta comunale in base all'ISEE", capacity: 40,
    partners: "Comune di {comune}; cooperativa educativa che gestisce il servizio",
  },
  "nido-aziendale": {
    title: "Posti in nido convenzionato per i figli dei dipendenti",
    description: "L'azienda acquista posti in un nido privato accreditato vicino alla sede e ne paga la retta per i figli dei dipendenti.",
    category: "MINORI", beneficiaries: [E, F], openToCitizens: false, capacity: 12,
    partners: "Nido privato accreditato",
  },
  "centro-estivo-aziendale": {
    title: "Centro estivo aziendale",
    description: "Quattro settimane di centro estivo in luglio per i figli dei dipendenti dai 6 ai 12 anni, con trasporto dalla sede.",
    category: "MINORI", beneficiaries: [E, F], openToCitizens: false, capacity: 40,
  },
  "baby-sitter": {
    title: "Baby sitter on demand",
    description: "Un elenco di baby sitter formate e verificate, prenotabili anche con poche ore di preavviso per malattie improvvise dei figli o chiusure della scuola.",
    category: "MINORI", beneficiaries: [E, F], openToCitizens: false, capacity: 30,
    partners: "Cooperativa sociale di servizi educativi",
  },
  "centro-estivo": {
    title: "Centro estivo per i figli dei dipendenti e del territorio",
    description: "Da metà giugno a fine luglio attività all'aperto, laboratori e compiti per bambini e ragazzi dai 6 ai 13 anni, con posti aperti alle famiglie di {comune}.",
    category: "MINORI", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune} e frazioni", accessConditions: "Iscrizioni in aprile sul sito dell'azienda; priorità ai residenti con entrambi i genitori che lavorano.",
    costToCitizens: "60 euro a settimana, pasto incluso; riduzioni per fratelli", capacity: 80,
    partners: "Polisportiva locale; parrocchia del quartiere",
  },
  doposcuola: {
    title: "Doposcuola e aiuto compiti",
    description: "Due pomeriggi a settimana volontari ed educatori aiutano nei compiti i ragazzi delle scuole medie, nei locali dell'organizzazione.",
    category: "MINORI", beneficiaries: [F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Iscrizione tramite la scuola o direttamente in sede.", costToCitizens: "Gratuito",
    capacity: 25, partners: "Istituto comprensivo di {comune}",
  },
  "rette-nido": {
    title: "Contributo alle rette dei servizi 0-6 anni",
    description: "Rimborso fino a 1.500 euro l'anno delle rette di nidi e scuole dell'infanzia per i figli dei dipendenti.",
    category: "MINORI", beneficiaries: [E, F], openToCitizens: false,
  },
  // ---- ANZIANI
  "assistente-condivisa": {
    title: "Assistente familiare condivisa",
    description: "Un'assistente familiare qualificata condivisa tra più famiglie vicine, per compagnia, piccole commissioni e aiuto nella cura della persona anziana.",
    category: "ANZIANI", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Colloquio di valutazione con la coordinatrice; pacchetti da 10 ore.",
    costToCitizens: "12 euro l'ora, ridotti a 8 euro con ISEE sotto 15.000 euro", capacity: 20,
    partners: "Sindacato pensionati del territorio; Comune di {comune}",
  },
  "centro-diurno": {
    title: "Centro diurno per anziani in convenzione",
    description: "Posti dedicati in un centro diurno per anziani parzialmente non autosufficienti, con trasporto, pasto e attività di stimolazione cognitiva.",
    category: "ANZIANI", beneficiaries: [F, C], openToCitizens: true,
    areaServed: "Distretto socio-sanitario di riferimento", accessConditions: "Valutazione dell'unità di valutazione geriatrica.",
    costToCitizens: "Quota giornaliera regionale a carico dell'utente, integrata dall'organizzazione", capacity: 15,
    partners: "Azienda sanitaria locale; servizi sociali territoriali",
  },
  "spesa-domicilio": {
    title: "Spesa e farmaci a domicilio per anziani soli",
    description: "Consegna settimanale di spesa e farmaci agli anziani che vivono soli, con una telefonata di compagnia il giorno prima.",
    category: "ANZIANI", beneficiaries: [C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Segnalazione dei servizi sociali o iscrizione telefonica.",
    costToCitizens: "Gratuito; si paga solo la spesa", capacity: 60,
    partners: "Associazione di volontariato del territorio",
  },
  "permessi-caregiver": {
    title: "Permessi aggiuntivi per l'assistenza ai familiari",
    description: "Cinque giorni l'anno di permesso retribuito in più per chi assiste un genitore o un coniuge non autosufficiente.",
    category: "ANZIANI", beneficiaries: [E], openToCitizens: false,
  },
  // ---- SALUTE
  "screening-cardio": {
    title: "Screening cardiologico gratuito",
    description: "Elettrocardiogramma e visita cardiologica una volta l'anno, in un ambulatorio mobile nel piazzale dell'azienda aperto anche ai residenti sopra i 50 anni.",
    category: "SALUTE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Prenotazione obbligatoria; residenti sopra i 50 anni.", costToCitizens: "Gratuito",
    capacity: 300, partners: "Azienda sanitaria locale; associazione di cardiologi volontari",
  },
  "check-up": {
    title: "Check-up medico annuale per i dipendenti",
    description: "Esami del sangue, visita internistica ed elettrocardiogramma una volta l'anno in orario di lavoro.",
    category: "SALUTE", beneficiaries: [E], openToCitizens: false,
    partners: "Poliambulatorio convenzionato",
  },
  palestra: {
    title: "Palestra aziendale",
    description: "Sala attrezzata con istruttore nella pausa pranzo e dopo il lavoro, con corsi di ginnastica posturale.",
    category: "SALUTE", beneficiaries: [E, F], openToCitizens: false, capacity: 35,
  },
  "sanita-integrativa": {
    title: "Assistenza sanitaria integrativa",
    description: "Polizza sanitaria per dipendenti e familiari a carico: visite specialistiche, odontoiatria e rimborso dei ticket.",
    category: "SALUTE", beneficiaries: [E, F], openToCitizens: false,
  },
  vaccinazione: {
    title: "Campagna di vaccinazione antinfluenzale",
    description: "Vaccinazione antinfluenzale in azienda ogni autunno, con il medico competente.",
    category: "SALUTE", beneficiaries: [E], openToCitizens: false,
  },
  "sportello-psicologico": {
    title: "Sportello psicologico di ascolto",
    description: "Colloqui individuali e confidenziali con una psicologa per stress, lutti e difficoltà familiari, aperti anche agli abitanti del quartiere.",
    category: "SALUTE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Fino a cinque colloqui a persona, su appuntamento.",
    costToCitizens: "Gratuito per i primi tre colloqui, poi 25 euro", capacity: 40,
    partners: "Ordine degli psicologi, progetto di psicologia di base",
  },
  "prevenzione-oncologica": {
    title: "Giornata di prevenzione oncologica",
    description: "Una giornata l'anno di visite senologiche e dermatologiche gratuite aperta alla cittadinanza.",
    category: "SALUTE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune} e comuni vicini", accessConditions: "Prenotazione dal sito; posti limitati.", costToCitizens: "Gratuito",
    capacity: 150, partners: "Lega per la lotta contro i tumori, sezione provinciale",
  },
} satisfies Record<string, MeasureTemplate>;
