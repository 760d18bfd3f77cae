import type { Prisma } from "../../generated/prisma/client.js";
import { defaultPactText, PACT_CONTENT_KEY } from "../../domain/pactText.js";
import { slugify } from "../../domain/slug.js";
import { at } from "./demoPlan.js";
import { dateColumn } from "../../domain/romeTime.js";

type Tx = Prisma.TransactionClient;
const day = dateColumn;

interface DemoNetwork {
  name: string;
  description: string;
  lead: string;
  members: string[];
  requested: string[];
  measures: (Omit<Prisma.MeasureCreateManyInput, "networkId" | "organizationId"> & { rationale?: string })[];
}

// prettier-ignore
const networks: DemoNetwork[] = [
  {
    name: "Rete Conciliazione Bologna Centro",
    description: "Piccole imprese e studi del centro storico che condividono servizi di cura per i dipendenti e per le famiglie del quartiere.",
    lead: "Studio Associato Portici Nuovi",
    members: ["Tipografia Ardente & Figli S.n.c.", "Scuola di Lingue Babele Felsinea S.r.l.", "Il Mestolo Gentile Impresa Sociale S.r.l."],
    requested: ["Associazione Culturale Torre dei Venti APS"],
    measures: [
      { title: "Assistente familiare condivisa", description: "Un'assistente familiare formata, assunta dalla rete, segue a turno gli anziani non autosufficienti delle famiglie dei dipendenti e, nelle ore libere, dei residenti del quartiere.", category: "ANZIANI", status: "ACTIVE", beneficiaries: ["EMPLOYEES", "FAMILIES", "CITIZENS"], openToCitizens: true, areaServed: "Quartiere Santo Stefano", accessConditions: "Richiesta allo sportello della rete presso lo Studio Associato Portici Nuovi; priorità alle famiglie segnalate dai servizi sociali.", costToCitizens: "Tariffa oraria agevolata in base all'ISEE", partners: "Associazione dei piccoli proprietari, servizi sociali di quartiere", networkReview: "APPROVED", currentOutcome: "TERRITORIAL_WELFARE", rationale: "Servizio aperto ai residenti e integrato con i servizi sociali: produce benessere sul territorio." },
      { title: "Sportello unico per i permessi di cura", description: "Uno sportello comune che aiuta i dipendenti a organizzare congedi e permessi per la cura dei familiari.", category: "CONCILIAZIONE", status: "PLANNED", beneficiaries: ["EMPLOYEES"], openToCitizens: false, networkReview: "PROPOSED" },
    ],
  },
  {
    name: "Rete Tate in Rete",
    description: "Imprese di San Lazzaro e Casalecchio che offrono insieme baby sitter referenziate e formate, anche all'ultimo momento.",
    lead: "Consulenza Alfa Quadra S.r.l.",
    members: ["Bottega del Pane Collinare S.n.c.", "Polisportiva Airone Cenerino A.S.D.", "Edilizia Calanchi Sostenibile S.r.l."],
    requested: [],
    measures: [
      { title: "Baby sitter on demand formate", description: "Baby sitter referenziate e formate con i servizi educativi comunali, prenotabili anche con poche ore di preavviso per i figli dei dipendenti e delle famiglie del territorio.", category: "MINORI", status: "ACTIVE", beneficiaries: ["EMPLOYEES", "FAMILIES", "CITIZENS"], openToCitizens: true, areaServed: "San Lazzaro di Savena e Casalecchio di Reno", accessConditions: "Prenotazione telefonica o per e-mail alla segreteria della rete, dalle 7 alle 20.", costToCitizens: "12 euro l'ora per i residenti, 6 euro l'ora per i dipendenti", capacity: 40, partners: "Servizi educativi comunali", networkReview: "APPROVED", currentOutcome: "TERRITORIAL_WELFARE", rationale: "Servizio aperto alle famiglie del territorio, in accordo con i servizi educativi comunali." },
    ],
  },
  {
    name: "Rete Agroalimentare della Pianura",
    description: "Aziende agricole e alimentari della pianura che organizzano insieme trasporti e servizi per chi lavora nei campi.",
    lead: "Caseificio Cinque Campanili Soc. coop. agricola",
    members: ["Risaie e Canali Società Agricola S.s.", "Vivai Fiordaliso Società Agricola S.s."],
    requested: [],
    measures: [
      { title: "Navetta condivisa per i turni stagionali", description: "Una navetta collega le stazioni ferroviarie alle aziende della rete all'inizio e alla fine dei turni.", category: "MOBILITA", status: "ACTIVE", beneficiaries: ["EMPLOYEES"], openToCitizens: false, areaServed: "Pianura bolognese", networkReview: "APPROVED", currentOutcome: "COMPANY_BENEFIT", rationale: "Riservata ai dipendenti delle aziende della rete: utile, ma senza ricadute dirette sul territorio." },
    ],
  },
];

// prettier-ignore
const signatories: { type: Prisma.PactSignatureCreateManyInput["signatoryType"]; name: string; on: string; commitments: string }[] = [
  { type: "INSTITUTION", name: "Città metropolitana di Bologna", on: "2025-03-12", commitments: "Tenere il registro, promuovere incontri formativi e sostenere le reti di imprese." },
  { type: "INSTITUTION", name: "Unione dei Comuni della Pianura (dati dimostrativi)", on: "2025-04-02", commitments: "Integrare le misure aperte ai cittadini con i servizi sociali dei comuni." },
  { type: "TRADE_ASSOCIATION", name: "Associazione Artigiani e Piccole Imprese Felsinee (dati dimostrativi)", on: "2025-03-12", commitments: "Accompagnare le piccole imprese nella costruzione di reti." },
  { type: "TRADE_ASSOCIATION", name: "Confederazione Commercio e Servizi Felsinea (dati dimostrativi)", on: "2025-05-20", commitments: "" },
  { type: "UNION", name: "Camera del Lavoro Metropolitana (dati dimostrativi)", on: "2025-03-12", commitments: "Inserire il welfare territoriale nella contrattazione di secondo livello." },
  { type: "THIRD_SECTOR", name: "Forum del Terzo Settore Felsineo (dati dimostrativi)", on: "2025-06-09", commitments: "Mettere a disposizione delle imprese le competenze delle cooperative sociali." },
];
const firmSignatories = [
  "Lunaria Meccatronica S.p.A.",
  "Studio Associato Portici Nuovi",
  "Consulenza Alfa Quadra S.r.l.",
];
const firmRequest = "Felsinea Software Lab S.r.l.";

/** Demo networks, Pact signatories and the Pact's text; runs inside the demo data's transaction. */
export async function seedDemoTerritory(tx: Tx): Promise<void> {
  await tx.siteContent.upsert({
    where: { key: PACT_CONTENT_KEY },
    create: { key: PACT_CONTENT_KEY, bodyIt: defaultPactText.it, bodyEn: defaultPactText.en },
    update: {},
  });
  const orgs = new Map(
    (await tx.organization.findMany({ where: { registryStatus: "REGISTERED" }, select: { id: true, name: true } })).map(
      (o) => [o.name, o.id],
    ),
  );
  const reviewer = await tx.user.findFirst({ where: { role: "REVIEWER" }, orderBy: { id: "asc" } });

  for (const n of networks) {
    const leadId = orgs.get(n.lead);
    if (leadId === undefined) continue;
    const network = await tx.network.create({
      data: {
        slug: slugify(n.name),
        name: n.name,
        description: n.description,
        leadOrganizationId: leadId,
        isDemo: true,
      },
    });
    const memberships = [
      ...[n.lead, ...n.members].map((name) => ({ name, status: "ACTIVE" as const })),
      ...n.requested.map((name) => ({ name, status: "REQUESTED" as const })),
    ];
    for (const m of memberships) {
      const organizationId = orgs.get(m.name);
      if (organizationId === undefined) continue;
      await tx.networkMembership.create({
        data: {
          networkId: network.id,
          organizationId,
          status: m.status,
          requestedAt: at("2025-09-01"),
          decidedAt: m.status === "ACTIVE" ? at("2025-09-15") : null,
        },
      });
    }
    for (const { rationale, ...measure } of n.measures) {
      const created = await tx.measure.create({ data: { ...measure, networkId: network.id } });
      if (rationale && reviewer && measure.currentOutcome) {
        await tx.classification.create({
          data: {
            measureId: created.id,
            outcome: measure.currentOutcome,
            openToCitizens: Boolean(measure.openToCitizens),
            integratesPublicService: Boolean(measure.partners),
            wellbeingImpact: measure.currentOutcome === "TERRITORIAL_WELFARE",
            continuity: true,
            thirdSectorPartnership: false,
            rationale,
            reviewerId: reviewer.id,
            createdAt: at("2025-10-01"),
          },
        });
      }
    }
  }

  await tx.pactSignature.createMany({
    data: [
      ...signatories.map((s) => ({
        signatoryType: s.type,
        name: s.name,
        status: "CONFIRMED" as const,
        signedOn: day(s.on),
        commitments: s.commitments,
      })),
      ...firmSignatories.flatMap((name, i) => {
        const organizationId = orgs.get(name);
        return organizationId === undefined
          ? []
          : [
              {
                signatoryType: "FIRM" as const,
                name,
                organizationId,
                status: "CONFIRMED" as const,
                signedOn: day(`2025-0${6 + i}-15`),
                commitments: "Aprire almeno una misura di welfare ai cittadini del territorio.",
              },
            ];
      }),
      ...(orgs.has(firmRequest)
        ? [
            {
              signatoryType: "FIRM" as const,
              name: firmRequest,
              organizationId: orgs.get(firmRequest)!,
              status: "REQUESTED" as const,
              commitments: "Partecipare agli incontri formativi e condividere il doposcuola aziendale.",
            },
          ]
        : []),
    ],
  });
}
