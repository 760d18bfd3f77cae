-- CreateEnum
CREATE TYPE "GoalKind" AS ENUM ('OPEN_TO_CITIZENS', 'JOIN_NETWORK', 'START_PILOT', 'NEW_MEASURE', 'SIGN_PACT', 'OTHER');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('OPEN', 'MET', 'NOT_MET');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "publishPlan" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ImprovementGoal" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "kind" "GoalKind" NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'OPEN',
    "progress" TEXT NOT NULL DEFAULT '',
    "progressAt" TIMESTAMP(3),
    "closingNote" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImprovementGoal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImprovementGoal_organizationId_status_idx" ON "ImprovementGoal"("organizationId", "status");

-- AddForeignKey
ALTER TABLE "ImprovementGoal" ADD CONSTRAINT "ImprovementGoal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
