import type { MeasureCategory } from "../../generated/prisma/enums.js";

/**
 * Words the synthetic register is built from: Italian welfare vocabulary, so
 * that full-text search over 100,000 organizations behaves like the real one.
 * `{comune}` becomes the organization's comune.
 */

// prettier-ignore
export const ACTIVITIES = [
  "Officine", "Meccanica", "Ceramiche", "Automazioni", "Alimentari", "Tessitura", "Logistica", "Trasporti",
  "Costruzioni", "Impianti", "Elettronica", "Informatica", "Farmacia", "Studio", "Servizi", "Laboratorio",
  "Panificio", "Caseificio", "Cantina", "Vivai", "Tipografia", "Carpenteria", "Serramenti", "Imballaggi",
  "Consulenze", "Assistenza", "Ristorazione", "Albergo", "Forniture", "Distribuzione", "Plastiche", "Verniciature",
];

// prettier-ignore
export const NAME_WORDS = [
  "Reno", "Savena", "Idice", "Santerno", "Lavino", "Samoggia", "Sillaro", "Setta", "Quaderna", "Navile",
  "Felsinea", "Petroniana", "Emiliana", "Appennino", "Colline", "Pianura", "Portici", "Torri", "Canali",
  "Castagno", "Quercia", "Tiglio", "Pioppo", "Glicine", "Girasole", "Melograno", "Airone", "Rondine",
  "Aurora", "Orizzonte", "Meridiana", "Levante", "Ponente", "Stella", "Cometa", "Arcobaleno", "Sorgente",
  "Mulino", "Fornace", "Ponte", "Borgo", "Corte", "Villa", "Podere", "Nuova", "Unita", "Moderna", "Futura",
];

// prettier-ignore
export const LEGAL_FORMS: [string, number][] = [
  ["S.r.l.", 48], ["S.p.A.", 7], ["Soc. coop.", 9], ["Soc. coop. sociale", 6], ["S.n.c.", 9], ["S.a.s.", 7],
  ["S.r.l.s.", 4], ["Associazione", 5], ["Fondazione", 2], ["Impresa individuale", 3],
];

// prettier-ignore
export const ATECO_WEIGHTS: [string, number][] = [
  ["C", 24], ["G", 15], ["N", 8], ["F", 8], ["I", 7], ["R", 8], ["H", 6], ["K", 6], ["S", 4], ["Q", 3],
  ["T", 3], ["A", 3], ["L", 2], ["M", 1], ["O", 1], ["J", 1], ["D", 0.5], ["E", 0.5],
];

// prettier-ignore
export const STREETS = [
  "Via Emilia", "Via dell'Industria", "Via dell'Artigianato", "Via Roma", "Via Garibaldi", "Via Mazzini",
  "Via Matteotti", "Via della Repubblica", "Via dei Mille", "Via del Lavoro", "Via Marconi", "Via Gramsci",
  "Via della Costituzione", "Viale Europa", "Via San Vitale", "Via Nuova", "Via del Commercio", "Via dei Campi",
];

// prettier-ignore
export const ORG_SENTENCES = [
  "Impresa radicata a {comune}, attenta al benessere di chi lavora e delle famiglie del territorio.",
  "Da anni a {comune}, investe in servizi di welfare condivisi con le altre imprese della zona.",
  "Opera a {comune} e collabora con il Comune e le associazioni per rispondere ai bisogni del quartiere.",
  "Sede a {comune}; promuove conciliazione tra lavoro e famiglia, salute e formazione continua.",
  "Realtà del territorio di {comune} che apre alcuni servizi aziendali alla cittadinanza.",
];

// prettier-ignore
export const CATEGORY_WEIGHTS: [MeasureCategory, number][] = [
  ["CONCILIAZIONE", 18], ["MINORI", 14], ["ANZIANI", 10], ["SALUTE", 18],
  ["EDUCAZIONE", 12], ["TEMPO_LIBERO", 10], ["MOBILITA", 12], ["ALTRO", 6],
];

/** Base titles and description sentences of each category. */
// prettier-ignore
export const CATEGORY_TEXT: Record<MeasureCategory, { titles: string[]; sentences: string[] }> = {
  CONCILIAZIONE: {
    titles: ["Orario flessibile", "Banca delle ore", "Lavoro agile", "Maggiordomo aziendale", "Lavanderia aziendale", "Sportello per caregiver", "Permessi per la famiglia", "Part-time reversibile"],
    sentences: ["Aiuta a conciliare i tempi di lavoro con quelli della famiglia.", "Permette di gestire visite mediche, colloqui scolastici e commissioni.", "Pensato per genitori con figli piccoli e per chi assiste un familiare.", "Riduce gli spostamenti e il tempo perso nel traffico."],
  },
  MINORI: {
    titles: ["Asilo nido aziendale", "Nido interaziendale", "Centro estivo", "Baby sitter on demand", "Doposcuola", "Ludoteca", "Contributo alle rette scolastiche", "Campus invernale"],
    sentences: ["Accoglie bambini e ragazzi con educatori qualificati.", "I posti liberi sono aperti alle famiglie del quartiere.", "Attività all'aperto, laboratori creativi e aiuto nei compiti.", "Copre le chiusure delle scuole e le vacanze estive."],
  },
  ANZIANI: {
    titles: ["Assistente familiare condivisa", "Centro diurno", "Spesa a domicilio", "Telesoccorso", "Trasporto sociale", "Compagnia telefonica", "Ricoveri di sollievo", "Badante di condominio"],
    sentences: ["Sostiene le persone anziane e non autosufficienti e chi se ne prende cura.", "Evita l'isolamento degli anziani che vivono soli.", "In collaborazione con i servizi sociali e il volontariato.", "Un operatore valuta i bisogni della famiglia."],
  },
  SALUTE: {
    titles: ["Screening cardiologico", "Palestra aziendale", "Assistenza sanitaria integrativa", "Vaccinazione antinfluenzale", "Sportello psicologico", "Prevenzione oncologica", "Corsi di primo soccorso", "Educazione alimentare"],
    sentences: ["Visite ed esami di prevenzione senza liste d'attesa.", "Promuove stili di vita sani e attività fisica.", "Con medici e psicologi qualificati.", "Aperto anche ai residenti su prenotazione."],
  },
  EDUCAZIONE: {
    titles: ["Corsi di lingua italiana", "Borse di studio", "Educazione digitale", "Educazione finanziaria", "Tirocini per studenti", "Corsi di lingua inglese", "Orientamento al lavoro", "Scuola di mestiere"],
    sentences: ["Corsi serali tenuti da insegnanti ed esperti.", "Favorisce l'inclusione di lavoratori stranieri e delle loro famiglie.", "In rete con le scuole e i centri di formazione.", "Rafforza le competenze di giovani e adulti."],
  },
  TEMPO_LIBERO: {
    titles: ["Biblioteca aziendale", "Cinema all'aperto", "Convenzioni culturali", "Gruppo sportivo", "Orti condivisi", "Coro aziendale", "Gite sociali", "Rassegna di teatro"],
    sentences: ["Occasioni di incontro tra colleghi e abitanti della zona.", "Eventi culturali e sportivi durante tutto l'anno.", "Valorizza gli spazi aziendali aprendoli alla comunità.", "Organizzato con le associazioni del territorio."],
  },
  MOBILITA: {
    titles: ["Navetta casa-lavoro", "Bici aziendali", "Car pooling", "Abbonamenti al trasporto pubblico", "Punto di ritiro pacchi", "Colonnine di ricarica", "Bus a chiamata", "Servizi di prossimità"],
    sentences: ["Collega la sede alla stazione e alle fermate degli autobus.", "Riduce l'uso dell'auto privata e l'inquinamento.", "Porta servizi utili vicino a dove si vive e si lavora.", "Gli orari seguono i turni di lavoro."],
  },
  ALTRO: {
    titles: ["Emporio solidale", "Sportello di orientamento al welfare", "Mensa aperta", "Fondo di solidarietà", "Prestiti senza interessi", "Consulenza fiscale", "Sportello casa", "Banco alimentare"],
    sentences: ["Sostiene le famiglie in difficoltà economica.", "Orienta tra i servizi pubblici e privati di welfare.", "Gestito insieme al volontariato locale.", "Risponde a bisogni che il territorio ha segnalato."],
  },
};

// prettier-ignore
export const TITLE_QUALIFIERS = [
  "", "", "", " aperto al territorio", " per dipendenti e familiari", " in convenzione con il Comune", " condiviso tra imprese",
  " nel quartiere", " per le famiglie",
];

// prettier-ignore
export const ACCESS_CONDITIONS = [
  "Su prenotazione, fino a esaurimento posti.", "Iscrizione tramite il sito dell'impresa.",
  "Priorità ai residenti e alle famiglie con ISEE basso.", "Accesso libero negli orari di apertura.",
  "Segnalazione dei servizi sociali del Comune.",
];

// prettier-ignore
export const COSTS = ["Gratuito", "Gratuito", "Tariffa agevolata per i residenti", "In base all'ISEE", "5 euro a incontro", "Quota associativa annuale di 20 euro"];

// prettier-ignore
export const PARTNERS = [
  "Comune di {comune}", "Azienda sanitaria locale", "Cooperativa sociale del territorio", "Associazione di volontariato",
  "Istituto comprensivo di {comune}", "Sindacati confederali", "Rete di imprese del distretto", "Parrocchia",
  "Polisportiva di {comune}", "Centro per le famiglie", "Biblioteca comunale",
];
