import type { DemoMeasureKey } from "./demoMeasures.js";

/**
 * Fictitious organizations of the demo register. The names are invented: any
 * resemblance to a real firm is accidental. A measure is a catalogue key,
 * optionally with its status (`"navetta:PLANNED"`; ACTIVE by default).
 */
export interface DemoOrganization {
  name: string;
  legalForm: string;
  comune: string;
  ateco: string;
  employees: number;
  address: string;
  about: string;
  measures: `${DemoMeasureKey}${"" | ":PLANNED" | ":ENDED"}`[];
}

const BOLOGNA = "037006";
const IMOLA = "037032";
const CASALECCHIO = "037011";
const SAN_LAZZARO = "037054";

// One row per organization reads better than prettier's one line per field.
// prettier-ignore
export const demoOrganizations: DemoOrganization[] = [
  { name: "Lunaria Meccatronica S.p.A.", legalForm: "S.p.A.", comune: BOLOGNA, ateco: "C", employees: 420, address: "Via dell'Elettronica 12", about: "Progetta e produce sistemi di automazione per l'industria alimentare.", measures: ["nido-quartiere", "navetta", "screening-cardio", "centro-estivo", "palestra"] },
  { name: "Glicine e Ardesia Cooperativa Sociale", legalForm: "Soc. coop. sociale", comune: BOLOGNA, ateco: "R", employees: 85, address: "Via dei Mille Fiori 3", about: "Cooperativa sociale di servizi domiciliari e residenziali per anziani e persone con disabilità.", measures: ["assistente-condivisa", "sportello-caregiver", "centro-diurno", "emporio"] },
  { name: "Studio Associato Portici Nuovi", legalForm: "Studio associato", comune: BOLOGNA, ateco: "N", employees: 14, address: "Via dei Notai 40", about: "Studio di commercialisti e consulenti del lavoro.", measures: ["smart-working", "baby-sitter", "corsi-finanza:PLANNED"] },
  { name: "Felsinea Software Lab S.r.l.", legalForm: "S.r.l.", comune: BOLOGNA, ateco: "K", employees: 62, address: "Via del Codice 8", about: "Sviluppa software gestionali per enti pubblici e cooperative.", measures: ["smart-working", "laboratori-digitali", "bike-sharing", "biblioteca:ENDED"] },
  { name: "Associazione Culturale Torre dei Venti APS", legalForm: "Associazione (APS)", comune: BOLOGNA, ateco: "S", employees: 7, address: "Vicolo delle Rondini 5", about: "Associazione di promozione sociale che organizza rassegne culturali e corsi.", measures: ["cinema-aperto", "corsi-italiano", "doposcuola"] },
  { name: "Previdenza Turrita Assicurazioni S.p.A.", legalForm: "S.p.A.", comune: BOLOGNA, ateco: "L", employees: 310, address: "Viale delle Polizze 21", about: "Compagnia assicurativa attiva nei rami vita e salute.", measures: ["sanita-integrativa", "rette-nido", "microcredito", "convenzioni-cultura"] },
  { name: "Il Mestolo Gentile Impresa Sociale S.r.l.", legalForm: "S.r.l. impresa sociale", comune: BOLOGNA, ateco: "I", employees: 23, address: "Via delle Cucine 17", about: "Trattoria sociale che forma e assume persone in uscita da percorsi di fragilità.", measures: ["mensa-pensionati", "orti", "corsi-italiano:PLANNED"] },
  { name: "Tipografia Ardente & Figli S.n.c.", legalForm: "S.n.c.", comune: BOLOGNA, ateco: "C", employees: 11, address: "Via dei Caratteri Mobili 2", about: "Tipografia artigiana per editoria, etichette e stampa digitale.", measures: ["convenzioni-cultura", "permessi-caregiver"] },
  { name: "Poliambulatorio Quercia Rossa S.r.l.", legalForm: "S.r.l.", comune: BOLOGNA, ateco: "R", employees: 48, address: "Via degli Ippocastani 30", about: "Poliambulatorio specialistico convenzionato.", measures: ["screening-cardio", "prevenzione-oncologica", "sportello-psicologico", "vaccinazione"] },
  { name: "Logistica Nordovest Felsina S.r.l.", legalForm: "S.r.l.", comune: BOLOGNA, ateco: "H", employees: 140, address: "Via dei Container 4", about: "Magazzini e distribuzione per il commercio al dettaglio.", measures: ["navetta", "abbonamenti-tpl", "punto-ritiro", "car-pooling"] },
  { name: "Scuola di Lingue Babele Felsinea S.r.l.", legalForm: "S.r.l.", comune: BOLOGNA, ateco: "Q", employees: 19, address: "Via delle Parole 9", about: "Scuola di lingue e centro di formazione per adulti.", measures: ["corsi-italiano", "alternanza", "laboratori-digitali"] },
  { name: "Botteghe di Vicinato Orsa Minore Soc. coop.", legalForm: "Soc. coop.", comune: BOLOGNA, ateco: "G", employees: 260, address: "Piazza del Mercato Nuovo 1", about: "Cooperativa di consumo con dodici negozi di vicinato.", measures: ["emporio", "spesa-domicilio", "fondo-solidarieta", "orario-flessibile", "palestra:PLANNED"] },
  { name: "Ceramiche Santerno Lucente S.p.A.", legalForm: "S.p.A.", comune: IMOLA, ateco: "C", employees: 380, address: "Via delle Fornaci 55", about: "Produce piastrelle e lastre ceramiche per l'edilizia.", measures: ["nido-quartiere", "centro-estivo", "check-up", "navetta-aziendale", "borse-studio"] },
  { name: "Cantina Vigna Selvatica Soc. coop. agricola", legalForm: "Soc. coop. agricola", comune: IMOLA, ateco: "A", employees: 31, address: "Via dei Filari 140", about: "Cantina cooperativa di viticoltori delle colline.", measures: ["orti-aziendali", "centro-estivo-aziendale:ENDED", "convenzioni-cultura"] },
  { name: "Servizi Integrati Ponte di Pietra S.r.l.", legalForm: "S.r.l.", comune: IMOLA, ateco: "O", employees: 95, address: "Via dei Servizi 6", about: "Pulizie, portierato e manutenzioni per aziende e condomini.", measures: ["assistente-condivisa", "lavanderia", "orario-flessibile"] },
  { name: "Fondazione Nuvola Gentile ETS", legalForm: "Fondazione (ETS)", comune: IMOLA, ateco: "R", employees: 40, address: "Viale dei Tigli Argentati 11", about: "Fondazione del terzo settore per la cura delle persone anziane.", measures: ["centro-diurno", "sportello-caregiver", "spesa-domicilio", "laboratori-digitali"] },
  { name: "Imballaggi Riva Verde S.r.l.", legalForm: "S.r.l.", comune: CASALECCHIO, ateco: "C", employees: 150, address: "Via del Cartone Ondulato 7", about: "Imballaggi in carta riciclata per l'e-commerce.", measures: ["navetta-aziendale", "bike-sharing", "sanita-integrativa", "nido-aziendale:PLANNED"] },
  { name: "Polisportiva Airone Cenerino A.S.D.", legalForm: "Associazione sportiva dilettantistica", comune: CASALECCHIO, ateco: "S", employees: 9, address: "Via dello Sport 2", about: "Polisportiva con nuoto, pallavolo e ginnastica per tutte le età.", measures: ["gruppo-sportivo", "centro-estivo", "palestra"] },
  { name: "Consulenza Alfa Quadra S.r.l.", legalForm: "S.r.l.", comune: CASALECCHIO, ateco: "N", employees: 27, address: "Via dei Progetti 15", about: "Consulenza di direzione per piccole e medie imprese.", measures: ["smart-working", "corsi-finanza", "baby-sitter"] },
  { name: "Farmaceutica Savena Ricerca S.p.A.", legalForm: "S.p.A.", comune: SAN_LAZZARO, ateco: "C", employees: 520, address: "Via delle Molecole 1", about: "Ricerca e produzione di farmaci generici.", measures: ["screening-cardio", "nido-quartiere", "sportello-psicologico", "palestra", "vaccinazione"] },
  { name: "Bottega del Pane Collinare S.n.c.", legalForm: "S.n.c.", comune: SAN_LAZZARO, ateco: "C", employees: 6, address: "Via del Lievito Madre 4", about: "Forno artigiano di quartiere.", measures: ["mensa-pensionati:PLANNED", "spesa-domicilio"] },
  { name: "Edilizia Calanchi Sostenibile S.r.l.", legalForm: "S.r.l.", comune: SAN_LAZZARO, ateco: "F", employees: 58, address: "Via dei Mattoni Crudi 22", about: "Costruzioni e ristrutturazioni ad alta efficienza energetica.", measures: ["car-pooling", "permessi-caregiver", "alternanza"] },
  { name: "Automazioni Stella Polare S.r.l.", legalForm: "S.r.l.", comune: "037019", ateco: "C", employees: 210, address: "Via dei Robot 3", about: "Macchine automatiche per il confezionamento.", measures: ["navetta-aziendale", "centro-estivo-aziendale", "sanita-integrativa", "assistente-condivisa"] },
  { name: "Distilleria Gelso Antico S.r.l.", legalForm: "S.r.l.", comune: "037060", ateco: "C", employees: 44, address: "Via degli Alambicchi 9", about: "Distilleria e liquoreria artigianale.", measures: ["convenzioni-cultura", "orti-aziendali", "cinema-aperto:ENDED"] },
  { name: "Poggio delle Lucciole Agriturismo S.r.l.", legalForm: "S.r.l. agricola", comune: "037061", ateco: "I", employees: 12, address: "Via dei Calanchi Alti 250", about: "Agriturismo con fattoria didattica.", measures: ["centro-estivo", "orti", "laboratori-digitali:PLANNED"] },
  { name: "Officine Cometa Persicetana S.r.l.", legalForm: "S.r.l.", comune: "037053", ateco: "C", employees: 175, address: "Via delle Stelle Cadenti 18", about: "Lavorazioni meccaniche di precisione.", measures: ["nido-quartiere", "navetta-aziendale", "check-up"] },
  { name: "Acqua Chiara Terme e Benessere S.r.l.", legalForm: "S.r.l.", comune: "037020", ateco: "R", employees: 66, address: "Viale delle Sorgenti 5", about: "Centro termale con cure convenzionate e riabilitazione.", measures: ["palestra", "screening-cardio", "prevenzione-oncologica:PLANNED", "abbonamenti-tpl"] },
  { name: "Serramenti Pianura Chiara S.r.l.", legalForm: "S.r.l.", comune: "037008", ateco: "C", employees: 38, address: "Via dei Telai 12", about: "Finestre e porte in legno e alluminio.", measures: ["car-pooling", "doposcuola", "fondo-solidarieta"] },
  { name: "Autolinee Collina Serena S.r.l.", legalForm: "S.r.l.", comune: "037047", ateco: "H", employees: 72, address: "Via delle Corriere 6", about: "Trasporto di persone con autobus e scuolabus.", measures: ["navetta", "abbonamenti-tpl", "spesa-domicilio"] },
  { name: "Biotecnologie Quercia Alta S.r.l.", legalForm: "S.r.l.", comune: "037046", ateco: "N", employees: 88, address: "Via della Ricerca Applicata 10", about: "Laboratorio di ricerca e analisi per l'agroalimentare.", measures: ["nido-quartiere", "smart-working", "laboratori-digitali", "sportello-psicologico"] },
  { name: "Caseificio Cinque Campanili Soc. coop. agricola", legalForm: "Soc. coop. agricola", comune: "037037", ateco: "C", employees: 24, address: "Via del Siero 3", about: "Caseificio cooperativo di latte vaccino.", measures: ["orti", "centro-estivo-aziendale", "permessi-caregiver"] },
  { name: "Radio Onde Lunghe S.r.l. Società Benefit", legalForm: "S.r.l. Società Benefit", comune: "037057", ateco: "J", employees: 18, address: "Via delle Antenne 1", about: "Emittente radiofonica e podcast di informazione locale.", measures: ["laboratori-digitali", "cinema-aperto", "biblioteca"] },
  { name: "Precisione Stratosferica S.r.l.", legalForm: "S.r.l.", comune: "037009", ateco: "C", employees: 240, address: "Via dei Collaudi 14", about: "Componenti meccanici per l'aeronautica.", measures: ["navetta-aziendale", "sanita-integrativa", "baby-sitter", "corsi-italiano"] },
  { name: "Vivai Fiordaliso Società Agricola S.s.", legalForm: "S.s. agricola", comune: "037030", ateco: "A", employees: 15, address: "Via delle Serre 8", about: "Vivaio di piante ornamentali e da frutto.", measures: ["orti", "centro-estivo:PLANNED"] },
  { name: "Melograno Assistenza Domiciliare Soc. coop. sociale", legalForm: "Soc. coop. sociale", comune: "037021", ateco: "R", employees: 130, address: "Via della Cura 19", about: "Assistenza domiciliare e servizi educativi.", measures: ["assistente-condivisa", "centro-diurno", "sportello-caregiver", "spesa-domicilio", "sportello-orientamento"] },
  { name: "Elettronica Lampo Gentile S.r.l.", legalForm: "S.r.l.", comune: "037001", ateco: "C", employees: 33, address: "Via dei Circuiti 4", about: "Schede elettroniche su commessa.", measures: ["bike-sharing", "borse-studio"] },
  { name: "Risaie e Canali Società Agricola S.s.", legalForm: "S.s. agricola", comune: "037039", ateco: "A", employees: 8, address: "Via delle Chiaviche 77", about: "Azienda agricola di riso e cereali.", measures: ["orti-aziendali", "emporio:PLANNED"] },
  { name: "Legnami e Sentieri dell'Appennino S.r.l.", legalForm: "S.r.l.", comune: "037059", ateco: "C", employees: 21, address: "Via della Segheria 2", about: "Segheria e carpenteria in legno di castagno.", measures: ["navetta", "spesa-domicilio", "sportello-orientamento"] },
  { name: "Albergo Termale Faggio d'Argento S.r.l.", legalForm: "S.r.l.", comune: "037062", ateco: "I", employees: 29, address: "Via delle Acque Calde 3", about: "Albergo con centro termale convenzionato.", measures: ["palestra", "prevenzione-oncologica", "cinema-aperto"] },
  { name: "Logistica Pianura Est S.r.l.", legalForm: "S.r.l.", comune: "037016", ateco: "H", employees: 190, address: "Via dei Bancali 30", about: "Logistica conto terzi per l'abbigliamento.", measures: ["navetta-aziendale", "car-pooling", "nido-aziendale:PLANNED", "fondo-solidarieta"] },
];
