import type { ProjectActivity } from "../generated/prisma/enums.js";

/**
 * The activities of the project sheet ("Attività previste" of the Metropolitan
 * Strategic Plan's "Politiche di welfare aziendale in un sistema di welfare
 * condiviso", May 2015), in its order: the sections of each year's monitoring
 * report. `slug`: the activity in the staff's URLs and the public page's
 * anchors; `page`: where the site shows the activity's work (null: no page of
 * its own). A Record, so an activity added to the schema without a place here
 * does not compile. Their names are in the catalogues (`monitoring.activities`).
 */
const activities: Record<ProjectActivity, { slug: string; page: string | null }> = {
  // "Sottoscrizione di un Patto/Accordo fra Istituzioni, Associazioni di categoria, Organizzazioni sindacali e Imprese"
  PACT: { slug: "patto", page: "/patto" },
  // "Definizione dei contenuti e delle caratteristiche tecnico-operative del Registro", "Implementazione del Registro"
  REGISTER: { slug: "registro", page: "/registro" },
  // "Momenti formativi/informativi seminariali", also to tell a company benefit from territorial welfare
  TRAINING: { slug: "formazione", page: "/eventi" },
  // "Condivisione e promozione ... un piano di comunicazione pubblico"
  COMMUNICATION: { slug: "comunicazione", page: "/notizie" },
  // "Sostegno alla costruzione di reti di piccole e medie aziende"
  NETWORKS: { slug: "reti", page: "/reti" },
  // "Sostegno allo sviluppo di nuovi dispositivi di welfare aziendale da sperimentare nelle aziende"
  PILOTS: { slug: "sperimentazioni", page: "/sperimentazioni" },
  // "accompagnare le imprese e gli enti locali negli ulteriori piani di miglioramento e sviluppo"
  IMPROVEMENT_PLANS: { slug: "piani-di-miglioramento", page: null },
  // "un servizio pubblico di consulenza sui diversi dispositivi di welfare"
  ADVICE: { slug: "consulenza", page: "/consulenza" },
};

export const PROJECT_ACTIVITIES = Object.keys(activities) as ProjectActivity[];

export const activitySlug = (activity: ProjectActivity) => activities[activity].slug;
export const activityPage = (activity: ProjectActivity) => activities[activity].page;

/** The activity an address names; undefined for any other word. */
export const activityOfSlug = (slug: string): ProjectActivity | undefined =>
  PROJECT_ACTIVITIES.find((a) => activities[a].slug === slug);

/** The three questions each activity's section answers, as the project sheet asks them. */
export const SECTION_TOPICS = ["difficulties", "successFactors", "results"] as const;
export type SectionTopic = (typeof SECTION_TOPICS)[number];

/** The years a report may be written for: from the project's first year to the current one. */
export const FIRST_REPORT_YEAR = 2014;
