-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'LOCAL_AUTHORITY';

-- CreateTable
CREATE TABLE "LocalAuthorityComune" (
    "userId" INTEGER NOT NULL,
    "comuneCode" CHAR(6) NOT NULL,

    CONSTRAINT "LocalAuthorityComune_pkey" PRIMARY KEY ("userId","comuneCode")
);

-- CreateTable
CREATE TABLE "ServiceIntegration" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER,
    "measureTitle" TEXT NOT NULL,
    "comuneCode" CHAR(6) NOT NULL,
    "serviceName" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "proposerId" INTEGER NOT NULL,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'PROPOSED',
    "decidedById" INTEGER,
    "decisionComment" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceIntegration_status_createdAt_idx" ON "ServiceIntegration"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceIntegration_measureId_status_idx" ON "ServiceIntegration"("measureId", "status");

-- CreateIndex
CREATE INDEX "ServiceIntegration_proposerId_createdAt_idx" ON "ServiceIntegration"("proposerId", "createdAt");

-- AddForeignKey
ALTER TABLE "LocalAuthorityComune" ADD CONSTRAINT "LocalAuthorityComune_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalAuthorityComune" ADD CONSTRAINT "LocalAuthorityComune_comuneCode_fkey" FOREIGN KEY ("comuneCode") REFERENCES "Comune"("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceIntegration" ADD CONSTRAINT "ServiceIntegration_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceIntegration" ADD CONSTRAINT "ServiceIntegration_comuneCode_fkey" FOREIGN KEY ("comuneCode") REFERENCES "Comune"("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceIntegration" ADD CONSTRAINT "ServiceIntegration_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceIntegration" ADD CONSTRAINT "ServiceIntegration_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
