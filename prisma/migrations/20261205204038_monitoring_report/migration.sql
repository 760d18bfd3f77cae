-- CreateEnum
CREATE TYPE "MonitoringReportStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ProjectActivity" AS ENUM ('PACT', 'REGISTER', 'TRAINING', 'COMMUNICATION', 'NETWORKS', 'PILOTS', 'IMPROVEMENT_PLANS', 'ADVICE');

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "year" INTEGER NOT NULL,
    "status" "MonitoringReportStatus" NOT NULL DEFAULT 'DRAFT',
    "summaryIt" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "MonitoringReportSection" (
    "year" INTEGER NOT NULL,
    "activity" "ProjectActivity" NOT NULL,
    "difficultiesIt" TEXT NOT NULL DEFAULT '',
    "difficultiesEn" TEXT NOT NULL DEFAULT '',
    "successFactorsIt" TEXT NOT NULL DEFAULT '',
    "successFactorsEn" TEXT NOT NULL DEFAULT '',
    "resultsIt" TEXT NOT NULL DEFAULT '',
    "resultsEn" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringReportSection_pkey" PRIMARY KEY ("year","activity")
);

-- AddForeignKey
ALTER TABLE "MonitoringReportSection" ADD CONSTRAINT "MonitoringReportSection_year_fkey" FOREIGN KEY ("year") REFERENCES "MonitoringReport"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: the public figures cached under the public data version
-- (migration "public_data_state") now also list the published reports and
-- count, per year, the classifications given and the improvement goals closed.
CREATE CONSTRAINT TRIGGER "MonitoringReport_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "MonitoringReport"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
CREATE CONSTRAINT TRIGGER "Classification_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "Classification"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
CREATE CONSTRAINT TRIGGER "ImprovementGoal_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "ImprovementGoal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
