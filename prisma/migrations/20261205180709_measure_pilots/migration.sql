-- CreateEnum
CREATE TYPE "PilotOutcome" AS ENUM ('CONTINUED', 'CHANGED', 'STOPPED');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "pilot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pilotLessons" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "pilotOutcome" "PilotOutcome";

-- CreateIndex
CREATE INDEX "Measure_pilot_idx" ON "Measure"("pilot");
