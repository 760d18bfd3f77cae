-- CreateTable
CREATE TABLE "VerificationCycle" (
    "organizationId" INTEGER NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "staffAlertedAt" TIMESTAMP(3),

    CONSTRAINT "VerificationCycle_pkey" PRIMARY KEY ("organizationId","verifiedAt")
);

-- AddForeignKey
ALTER TABLE "VerificationCycle" ADD CONSTRAINT "VerificationCycle_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
