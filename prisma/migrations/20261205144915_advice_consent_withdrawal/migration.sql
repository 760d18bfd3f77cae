-- AlterTable
ALTER TABLE "AdviceRequest" ADD COLUMN     "withdrawalTokenHash" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "AdviceRequest_withdrawalTokenHash_key" ON "AdviceRequest"("withdrawalTokenHash");
