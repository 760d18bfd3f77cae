import type { Beneficiary } from "../../generated/prisma/enums.js";
import type { MeasureTemplate } from "./demoMeasures.js";

const E: Beneficiary = "EMPLOYEES";
const F: Beneficiary = "FAMILIES";
const C: Beneficiary = "CITIZENS";

/** Demo measures about education, leisure, mobility and other local services. */
// prettier-ignore
export const communityMeasures = {
  // ---- EDUCAZIONE
  "corsi-italiano": {
    title: "Corsi di lingua italiana",
    description: "Corsi serali di italiano per lavoratori e lavoratrici stranieri e per i loro familiari, dal livello base alla preparazione all'esame A2.",
    category: "EDUCAZIONE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Test d'ingresso per formare classi omogenee; lezioni il martedì e il giovedì.",
    costToCitizens: "Gratuito; materiale didattico fornito", capacity: 45,
    partners: "Centro provinciale per l'istruzione degli adulti; associazione interculturale del territorio",
  },
  "borse-studio": {
    title: "Borse di studio per i figli dei dipendenti",
    description: "Dieci borse di studio l'anno per i figli dei dipendenti iscritti alle superiori o all'università, assegnate per merito e reddito.",
    category: "EDUCAZIONE", beneficiaries: [F], openToCitizens: false, capacity: 10,
  },
  "laboratori-digitali": {
    title: "Laboratori di educazione digitale per over 65",
    description: "Incontri pratici per usare lo smartphone, lo SPID, il fascicolo sanitario elettronico e le videochiamate con i nipoti.",
    category: "EDUCAZIONE", beneficiaries: [F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Iscrizione in biblioteca comunale; portare il proprio telefono.", costToCitizens: "Gratuito",
    capacity: 20, partners: "Biblioteca comunale di {comune}; volontari del servizio civile",
  },
  "corsi-finanza": {
    title: "Corsi di educazione finanziaria per le famiglie",
    description: "Quattro serate su bilancio familiare, risparmio, mutui e truffe online, tenute da consulenti volontari.",
    category: "EDUCAZIONE", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Iscrizione via e-mail fino a esaurimento posti.", costToCitizens: "Gratuito",
    capacity: 30, partners: "Associazione dei consumatori del territorio",
  },
  alternanza: {
    title: "Percorsi per le competenze trasversali con le scuole del territorio",
    description: "Tirocini e visite guidate in azienda per studenti degli istituti tecnici e professionali, con tutor dedicati.",
    category: "EDUCAZIONE", beneficiaries: [C], openToCitizens: true,
    areaServed: "Istituti superiori del distretto", accessConditions: "Convenzione tra la scuola e l'azienda.", costToCitizens: "Gratuito",
    capacity: 16, partners: "Istituti tecnici e professionali del distretto",
  },
  // ---- TEMPO_LIBERO
  biblioteca: {
    title: "Biblioteca aziendale aperta al pubblico",
    description: "Oltre 3.000 volumi e una sala lettura con wi-fi, aperta ai cittadini il sabato mattina e collegata al prestito interbibliotecario.",
    category: "TEMPO_LIBERO", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Tessera gratuita della rete bibliotecaria.", costToCitizens: "Gratuito",
    partners: "Rete bibliotecaria metropolitana",
  },
  "cinema-aperto": {
    title: "Rassegna di cinema all'aperto nel cortile aziendale",
    description: "Dieci serate estive di cinema nel cortile dell'azienda, con film per famiglie e incontri con gli autori.",
    category: "TEMPO_LIBERO", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Ingresso libero fino a esaurimento posti; in caso di pioggia si rinvia.",
    costToCitizens: "Gratuito", capacity: 200, partners: "Circolo del cinema del territorio",
  },
  "convenzioni-cultura": {
    title: "Convenzioni con teatri e musei",
    description: "Biglietti scontati per teatri, musei e concerti della città metropolitana per dipendenti e familiari.",
    category: "TEMPO_LIBERO", beneficiaries: [E, F], openToCitizens: false,
  },
  "gruppo-sportivo": {
    title: "Gruppo sportivo e torneo di calcetto intercomunale",
    description: "Squadre miste di dipendenti e residenti che partecipano a un torneo tra i comuni del distretto, con raccolta fondi per il volontariato.",
    category: "TEMPO_LIBERO", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "Comuni del distretto", accessConditions: "Certificato medico per attività non agonistica.",
    costToCitizens: "10 euro di iscrizione, devoluti in beneficenza", capacity: 120,
    partners: "Unione sportiva dilettantistica del territorio",
  },
  orti: {
    title: "Orti condivisi",
    description: "Appezzamenti coltivabili su un terreno dell'organizzazione, assegnati a dipendenti, pensionati e scuole, con corsi di orticoltura biologica.",
    category: "TEMPO_LIBERO", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Assegnazione annuale tramite bando; priorità a pensionati e scuole.",
    costToCitizens: "30 euro l'anno per l'acqua", capacity: 24,
    partners: "Centro sociale anziani di {comune}",
  },
  "orti-aziendali": {
    title: "Orti aziendali",
    description: "Piccoli appezzamenti accanto allo stabilimento coltivati dai dipendenti, con un agronomo che consiglia nelle stagioni di semina.",
    category: "TEMPO_LIBERO", beneficiaries: [E, F], openToCitizens: false, capacity: 16,
  },
  // ---- MOBILITA
  navetta: {
    title: "Navetta casa-lavoro",
    description: "Navetta dalla stazione ferroviaria alla sede negli orari dei turni; le fermate intermedie sono aperte ai residenti.",
    category: "MOBILITA", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "{comune}, stazione e zona industriale", accessConditions: "Orari pubblicati sul sito; salita alle fermate segnalate.",
    costToCitizens: "Gratuita", capacity: 50, partners: "Azienda di trasporto pubblico locale",
  },
  "navetta-aziendale": {
    title: "Navetta aziendale per i turnisti",
    description: "Navetta dalla stazione alla sede per chi lavora su turni, sincronizzata con gli orari dei treni regionali.",
    category: "MOBILITA", beneficiaries: [E], openToCitizens: false, capacity: 30,
  },
  "bike-sharing": {
    title: "Bici aziendali a disposizione",
    description: "Biciclette e bici a pedalata assistita in prestito per raggiungere la sede e per gli spostamenti in città.",
    category: "MOBILITA", beneficiaries: [E], openToCitizens: false, capacity: 25,
  },
  "car-pooling": {
    title: "Car pooling tra colleghi",
    description: "Un servizio per organizzare passaggi in auto tra colleghi che abitano vicini, con posti auto dedicati agli equipaggi.",
    category: "MOBILITA", beneficiaries: [E], openToCitizens: false,
  },
  "abbonamenti-tpl": {
    title: "Abbonamenti al trasporto pubblico a prezzo agevolato",
    description: "L'azienda paga metà dell'abbonamento annuale a bus e treni per dipendenti e figli studenti.",
    category: "MOBILITA", beneficiaries: [E, F], openToCitizens: false,
  },
  "punto-ritiro": {
    title: "Punto di ritiro pacchi e servizi di prossimità",
    description: "Nell'atrio dell'azienda si ritirano pacchi, ricette e referti; il servizio è aperto anche agli abitanti della zona.",
    category: "MOBILITA", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Dal lunedì al venerdì, 8-19.", costToCitizens: "Gratuito",
    partners: "Farmacia comunale; ufficio postale di zona",
  },
  // ---- ALTRO
  emporio: {
    title: "Emporio solidale",
    description: "Un piccolo emporio dove le famiglie in difficoltà fanno la spesa con una tessera a punti, rifornito con le eccedenze e le donazioni.",
    category: "ALTRO", beneficiaries: [C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Tessera rilasciata dai servizi sociali.", costToCitizens: "Gratuito",
    capacity: 90, partners: "Caritas diocesana; servizi sociali del Comune di {comune}",
  },
  "sportello-orientamento": {
    title: "Sportello di orientamento ai servizi di welfare",
    description: "Aiuta a scegliere tra i servizi di cura, assistenza e sostegno al reddito pubblici e privati, spiegando costi e requisiti.",
    category: "ALTRO", beneficiaries: [E, F, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Il mercoledì pomeriggio, senza appuntamento.", costToCitizens: "Gratuito",
    partners: "Patronato sindacale; sportello sociale del Comune di {comune}",
  },
  "mensa-pensionati": {
    title: "Mensa aziendale aperta ai pensionati del quartiere",
    description: "A pranzo la mensa aziendale accoglie i pensionati della zona, occasione di incontro oltre che di un pasto equilibrato.",
    category: "ALTRO", beneficiaries: [E, C], openToCitizens: true,
    areaServed: "{comune}", accessConditions: "Prenotazione entro le 10 del giorno stesso.",
    costToCitizens: "5 euro a pasto", capacity: 30, partners: "Centro sociale anziani del quartiere",
    pilot: { days: 180, outcome: "CHANGED", lessons: "Criticità: nei primi mesi pochi pensionati sapevano della mensa. Fattori di successo: la prenotazione telefonica e il passaparola del centro sociale; dopo la prova il servizio è proseguito su tre giorni a settimana invece di cinque." },
  },
  microcredito: {
    title: "Prestiti senza interessi per i dipendenti",
    description: "Anticipi sul TFR e piccoli prestiti senza interessi per spese mediche, scolastiche o per la casa.",
    category: "ALTRO", beneficiaries: [E], openToCitizens: false,
  },
  "fondo-solidarieta": {
    title: "Fondo di solidarietà per emergenze familiari",
    description: "Un fondo alimentato da azienda e lavoratori che aiuta i colleghi colpiti da lutti, malattie gravi o calamità.",
    category: "ALTRO", beneficiaries: [E, F], openToCitizens: false,
    partners: "Rappresentanze sindacali aziendali",
  },
} satisfies Record<string, MeasureTemplate>;
