import type { Prisma } from "../../generated/prisma/client.js";
import type { SectionTexts } from "../../domain/monitoringReport.js";
import type { ProjectActivity } from "../../generated/prisma/enums.js";
import { romeParts } from "../../domain/romeTime.js";

type Tx = Prisma.TransactionClient;

const DEMO_NOTE = "Questo rapporto fa parte dei dati dimostrativi del registro.";
const DEMO_NOTE_EN = "This report is part of the register's demo data.";

// What staff could write of a year, from the project sheet (Piano strategico metropolitano,
// May 2015): its activities, the difficulties it names and the experiments it reports.
// prettier-ignore
const sections: Partial<Record<ProjectActivity, SectionTexts>> = {
  PACT: {
    difficultiesIt: "Istituzioni, forze economiche e sociali condividono l'interesse per un sistema territoriale di welfare integrato, ma faticano a definire e circoscrivere il tema, per il suo carattere innovativo e le sue molte declinazioni: costruire una carta di impegni comune ha richiesto più incontri del previsto.",
    difficultiesEn: "Institutions and economic and social partners share an interest in an integrated territorial welfare system, but find it hard to define and bound the subject, new as it is and with many forms: drafting a common charter of commitments took more meetings than planned.",
    successFactorsIt: "- il tema è tra gli obiettivi di innovazione sociale del Patto metropolitano;\n- la firma è aperta anche alle singole imprese, non solo alle associazioni;\n- ogni firmatario compare nel registro con il proprio impegno.",
    successFactorsEn: "- the subject is one of the social innovation goals of the Metropolitan Pact;\n- individual firms can sign, not only associations;\n- every signatory shows in the register with its commitment.",
    resultsIt: "Il Patto è stato sottoscritto da istituzioni, associazioni di categoria, organizzazioni sindacali, enti del terzo settore e imprese: l'obiettivo di un accordo fra tutti i soggetti previsti dal progetto è raggiunto. Resta da coinvolgere di più i comuni dell'Appennino.",
    resultsEn: "The Pact was signed by institutions, trade associations, trade unions, third-sector bodies and firms: the target of an agreement among all the parties the project names is met. The comuni of the Apennines still need to be involved more.",
  },
  REGISTER: {
    difficultiesIt: "Molte imprese descrivono le proprie misure in modo sommario; il personale ha dovuto chiedere integrazioni per una domanda su tre prima di approvarla.",
    difficultiesEn: "Many firms describe their measures briefly; staff had to ask for more details on one application in three before approving it.",
    successFactorsIt: "La domanda guidata, con l'indicazione delle informazioni mancanti, e la classificazione di ogni misura come welfare territoriale o benefit aziendale, che rende il registro utile ai cittadini.",
    successFactorsEn: "The guided application, which points out the missing information, and the classification of every measure as territorial welfare or company benefit, which makes the register useful to citizens.",
    resultsIt: "Il registro è in funzione e consultabile per comune, distanza e categoria; le iscrizioni dell'anno e le classificazioni sono riportate nei numeri di questo rapporto.",
    resultsEn: "The register is running and can be searched by comune, distance and category; the year's registrations and classifications are in this report's figures.",
  },
  TRAINING: {
    difficultiesIt: "Gli incontri in orario di lavoro sono poco frequentati dalle piccole imprese.",
    difficultiesEn: "Meetings during working hours draw few small firms.",
    successFactorsIt: "I seminari con esempi concreti di misure aperte al territorio hanno aiutato a distinguere il semplice benefit aziendale dal welfare che produce benessere anche fuori dall'impresa.",
    successFactorsEn: "Seminars with concrete examples of measures open to the territory helped to tell a mere company benefit from welfare that produces well-being outside the firm too.",
    resultsIt: "Seminari, incontri e momenti formativi si sono svolti come previsto; il numero e la partecipazione sono riportati nei numeri dell'anno. Per l'anno prossimo si prevede almeno una sessione online fuori dall'orario di lavoro.",
    resultsEn: "Seminars, meetings and training sessions were held as planned; their number and attendance are in the year's figures. Next year at least one online session outside working hours is planned.",
  },
  COMMUNICATION: {
    difficultiesIt: "Le notizie raggiungono soprattutto chi conosce già il progetto.",
    difficultiesEn: "News mostly reaches those who already know the project.",
    successFactorsIt: "Le buone pratiche raccontate dalle imprese stesse, come METROTATA e l'assistente familiare condivisa, sono i contenuti più letti.",
    successFactorsEn: "Good practices told by the firms themselves, such as METROTATA and the shared family assistant, are the most read items.",
    resultsIt: "Il piano di comunicazione pubblico è avviato con le notizie del sito e il loro feed; resta da costruire la diffusione attraverso gli sportelli dei comuni.",
    resultsEn: "The public communication plan has started with the site's news and their feed; spreading it through the comuni's front offices is still to be built.",
  },
  NETWORKS: {
    difficultiesIt: "Per una piccola impresa entrare in rete richiede tempo di coordinamento che spesso non ha.",
    successFactorsIt: "La rete «Gender Community», sostenuta con risorse del Fondo sociale europeo, ha fatto da modello: imprese che condividono valori di parità, non discriminazione e benessere sociale.",
    resultsIt: "Le reti di imprese del registro offrono misure comuni che le singole piccole imprese non potrebbero offrire da sole; l'obiettivo di un welfare indipendente dalle dimensioni dell'impresa è avviato.",
    difficultiesEn: "",
    successFactorsEn: "",
    resultsEn: "",
  },
  PILOTS: {
    difficultiesIt: "Le sperimentazioni dipendono da pochi partner e dalla loro disponibilità a proseguire dopo la fase di prova.",
    difficultiesEn: "Pilots depend on a few partners and on their willingness to go on after the trial.",
    successFactorsIt: "- METROTATA: baby sitter referenziate e formate, anche «on demand», d'intesa con i servizi educativi del Comune di Bologna e sperimentate con Unipol;\n- l'assistente familiare condivisa, in sperimentazione con ASPPI e le imprese della rete.",
    successFactorsEn: "- METROTATA: vetted and trained babysitters, also on demand, with the educational services of the Comune di Bologna and tried out with Unipol;\n- the shared family assistant, tried out with ASPPI and the network's firms.",
    resultsIt: "Ogni sperimentazione conclusa indica che cosa si è imparato; quelle proseguite sono diventate misure del registro.",
    resultsEn: "Every pilot that ended says what was learned; those that went on became measures of the register.",
  },
  IMPROVEMENT_PLANS: {
    difficultiesIt: "Gli obiettivi più ambiziosi, come aprire ai cittadini un servizio interno, richiedono più di un anno.",
    difficultiesEn: "The most ambitious goals, such as opening an in-house service to citizens, take more than a year.",
    successFactorsIt: "Obiettivi concordati con date precise e un riscontro periodico dell'impresa.",
    successFactorsEn: "Goals agreed with precise dates and regular progress reports from the firm.",
    resultsIt: "I primi piani di miglioramento sono stati concordati con le imprese iscritte; gli obiettivi raggiunti e non raggiunti sono riportati nei numeri dell'anno.",
    resultsEn: "The first improvement plans were agreed with registered firms; the goals met and not met are in the year's figures.",
  },
  ADVICE: {
    difficultiesIt: "Le richieste arrivano soprattutto da Bologna; i comuni più lontani conoscono poco il servizio.",
    difficultiesEn: "Requests come mostly from Bologna; the farther comuni know little of the service.",
    successFactorsIt: "Una risposta scritta entro pochi giorni, che indica sia i servizi pubblici sia le misure delle imprese vicine.",
    successFactorsEn: "A written answer within a few days, pointing to both public services and the measures of nearby firms.",
    resultsIt: "Il servizio pubblico di consulenza è attivo e riduce l'asimmetria informativa dei cittadini rispetto ai servizi del mercato privato.",
    resultsEn: "The public advisory service is running and reduces the information gap of citizens about the services of the private market.",
  },
};

/** A published monitoring report for the previous year (in Rome), in Italian and English; in the demo data's transaction. */
export async function seedDemoReport(tx: Tx): Promise<void> {
  const year = Number(romeParts(new Date()).year) - 1;
  await tx.monitoringReport.create({
    data: {
      year,
      status: "PUBLISHED",
      publishedAt: new Date(Date.UTC(year + 1, 1, 15, 10)),
      summaryIt: `Nel ${year} il progetto è passato dalla definizione del registro alla sua gestione: imprese, reti ed enti del territorio vi descrivono le proprie misure di welfare, e il personale della Città metropolitana le esamina e le classifica.\n\nLe criticità principali restano la difficoltà di circoscrivere il tema e il coinvolgimento delle piccole imprese; i fattori di successo sono le reti di imprese e le sperimentazioni condotte con i partner del progetto.\n\n${DEMO_NOTE}`,
      summaryEn: `In ${year} the project moved from defining the register to running it: firms, networks and local bodies describe their welfare measures in it, and the Città metropolitana's staff review and classify them.\n\nThe main difficulties are still bounding the subject and involving small firms; the success factors are the networks of firms and the pilots run with the project's partners.\n\n${DEMO_NOTE_EN}`,
      sections: {
        create: Object.entries(sections).map(([activity, texts]) => ({
          activity: activity as ProjectActivity,
          ...texts,
        })),
      },
    },
  });
}
