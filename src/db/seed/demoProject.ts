import type { Prisma } from "../../generated/prisma/client.js";
import { dateColumn } from "../../domain/romeTime.js";
import { slugify } from "../../domain/slug.js";

type Tx = Prisma.TransactionClient;

// The referents and the actors named by the project sheet (Piano strategico metropolitano,
// May 2015), and the two firms and associations it names for its experiments.
// prettier-ignore
const partners: Prisma.ProjectPartnerCreateManyInput[] = [
  { kind: "INSTITUTION", name: "Città metropolitana di Bologna", website: "https://www.cittametropolitana.bo.it", referent: "Patrizia Paganini", roleIt: "Promuove il progetto e tiene il registro.", roleEn: "Promotes the project and keeps the register." },
  { kind: "INSTITUTION", name: "Comune di Bologna", website: "https://www.comune.bologna.it", referent: "Emma Collina", roleIt: "Referente del progetto; con i servizi educativi ha condotto la sperimentazione METROTATA.", roleEn: "Project referent; its educational services ran the METROTATA trial." },
  { kind: "INSTITUTION", name: "Nuovo Circondario Imolese", website: null, referent: "", roleIt: "Partecipa al gruppo di progetto.", roleEn: "Member of the project group." },
  { kind: "TRADE_ASSOCIATION", name: "Confcooperative", website: null, referent: "", roleIt: "Partecipa al gruppo di progetto.", roleEn: "Member of the project group." },
  { kind: "TRADE_ASSOCIATION", name: "ASPPI", website: null, referent: "", roleIt: "Sperimenta l'assistente familiare condivisa con le imprese della rete Gender Community.", roleEn: "" },
  { kind: "THIRD_SECTOR", name: "Forum Terzo Settore", website: null, referent: "", roleIt: "Partecipa al gruppo di progetto.", roleEn: "Member of the project group." },
  { kind: "THIRD_SECTOR", name: "Centro Studi Progetto donna e diversity MGMT", website: null, referent: "", roleIt: "Partecipa al gruppo di progetto.", roleEn: "Member of the project group." },
  { kind: "THIRD_SECTOR", name: "Fondazione ASPHI", website: null, referent: "", roleIt: "Partecipa al gruppo di progetto.", roleEn: "Member of the project group." },
  { kind: "FIRM", name: "Unipol", website: null, referent: "", roleIt: "Ha sperimentato METROTATA, baby sitter referenziate e formate disponibili anche «on demand».", roleEn: "Tried out METROTATA, vetted and trained babysitters available also on demand." },
];

const DEMO_NOTE = "_Questa notizia fa parte dei dati dimostrativi del registro._";
const DEMO_NOTE_EN = "_This item is part of the register's demo data._";

// prettier-ignore
const news: (Omit<Prisma.NewsItemCreateManyInput, "slug" | "publishedOn"> & { on: string })[] = [
  { kind: "NEWS", status: "PUBLISHED", on: "2026-01-15",
    titleIt: "Il registro del welfare aziendale è online", summaryIt: "Le imprese possono chiedere l'iscrizione e descrivere le misure di welfare aperte anche ai cittadini; i cittadini cercano le misure vicino a casa.",
    bodyIt: `Il registro raccoglie le imprese che offrono misure di welfare ai propri lavoratori e ai cittadini che vivono vicino all'azienda.\n\n- le imprese chiedono l'iscrizione dalla loro area riservata;\n- gli uffici della Città metropolitana esaminano ogni domanda e classificano le misure;\n- i cittadini cercano per comune, distanza e categoria nel [registro](/registro).\n\n${DEMO_NOTE}`,
    titleEn: "The company welfare register is online", summaryEn: "Firms can apply to be listed and describe the welfare measures they also open to citizens; citizens look for measures near home.",
    bodyEn: `The register lists the firms that offer welfare measures to their workers and to the citizens living near them.\n\n- firms apply from their reserved area;\n- the Città metropolitana's staff review every application and classify the measures;\n- citizens search by comune, distance and category in the [register](/registro).\n\n${DEMO_NOTE_EN}` },
  { kind: "GOOD_PRACTICE", status: "PUBLISHED", on: "2025-11-20",
    titleIt: "METROTATA: baby sitter formate, anche all'ultimo momento", summaryIt: "Baby sitter referenziate e formate, disponibili anche «on demand», in accordo con i servizi educativi del Comune di Bologna.",
    bodyIt: `Il progetto METROTATA mette a disposizione delle famiglie baby sitter referenziate e formate, prenotabili anche con poco preavviso. È stato condotto d'intesa con i servizi educativi del Comune di Bologna e sperimentato con Unipol.\n\n${DEMO_NOTE}`,
    titleEn: "METROTATA: trained babysitters, even at the last minute", summaryEn: "Vetted and trained babysitters, available also on demand, together with the educational services of the Comune di Bologna.",
    bodyEn: `The METROTATA project offers families vetted and trained babysitters who can be booked at short notice. It was run together with the educational services of the Comune di Bologna and tried out with Unipol.\n\n${DEMO_NOTE_EN}` },
  { kind: "GOOD_PRACTICE", status: "PUBLISHED", on: "2025-10-08",
    titleIt: "L'assistente familiare condivisa", summaryIt: "Più imprese condividono un'assistente familiare formata per gli anziani delle famiglie dei dipendenti e del quartiere.",
    bodyIt: `Una piccola impresa da sola non può offrire un servizio di cura: in rete sì. L'assistente familiare condivisa è in sperimentazione con ASPPI e le imprese della rete Gender Community.\n\nVedi anche le [reti di imprese](/reti) del registro.\n\n${DEMO_NOTE}` },
  { kind: "NEWS", status: "PUBLISHED", on: "2025-09-10",
    titleIt: "Gender Community, una rete di imprese per la parità", summaryIt: "Con risorse del Fondo sociale europeo prosegue la rete di imprese che condividono valori di parità, non discriminazione e benessere sociale.",
    bodyIt: `La rete «Gender Community» riunisce imprese del territorio che condividono valori di parità, non discriminazione e benessere sociale: potrebbe essere il nucleo fondante del registro.\n\n${DEMO_NOTE}` },
  { kind: "NEWS", status: "DRAFT", on: "2026-02-02",
    titleIt: "Seminario sulle reti di piccole e medie imprese", summaryIt: "Bozza: data e luogo da confermare.",
    bodyIt: `Testo in preparazione.\n\n${DEMO_NOTE}` },
];

/** Demo partners of the project and news; runs inside the demo data's transaction. */
export async function seedDemoProject(tx: Tx): Promise<void> {
  await tx.projectPartner.createMany({ data: partners });
  await tx.newsItem.createMany({
    data: news.map(({ on, ...item }) => ({
      ...item,
      slug: slugify(item.titleIt, "notizia"),
      publishedOn: dateColumn(on),
    })),
  });
}
