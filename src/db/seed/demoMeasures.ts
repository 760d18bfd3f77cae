import type { Beneficiary, MeasureCategory, PilotOutcome } from "../../generated/prisma/enums.js";
import { careMeasures } from "./demoMeasuresCare.js";
import { communityMeasures } from "./demoMeasuresCommunity.js";

/**
 * The catalogue the demo organizations pick their measures from. `{comune}`
 * in a text becomes the organization's comune. Everything here is fictitious.
 */
export interface MeasureTemplate {
  title: string;
  description: string;
  category: MeasureCategory;
  beneficiaries: Beneficiary[];
  openToCitizens: boolean;
  areaServed?: string;
  accessConditions?: string;
  costToCitizens?: string;
  capacity?: number;
  partners?: string;
  /** A pilot of `days` from its start; over once it has an outcome (and its lessons). */
  pilot?: { days: number; outcome?: PilotOutcome; lessons?: string };
}

export type DemoMeasureKey = keyof typeof careMeasures | keyof typeof communityMeasures;

export const demoMeasures: Record<DemoMeasureKey, MeasureTemplate> = { ...careMeasures, ...communityMeasures };
