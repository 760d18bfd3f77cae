-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "language" VARCHAR(2) NOT NULL DEFAULT 'it',
    "comuneCode" CHAR(6),
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "earthPoint" cube,
    "radiusKm" INTEGER NOT NULL,
    "categories" "MeasureCategory"[],
    "consentAt" TIMESTAMP(3) NOT NULL,
    "confirmTokenHash" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "lastDigestAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertMatch" (
    "subscriptionId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "matchedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "AlertMatch_pkey" PRIMARY KEY ("subscriptionId","measureId")
);

-- CreateTable
CREATE TABLE "AlertMail" (
    "unsubscribeTokenHash" TEXT NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "outboxMessageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertMail_pkey" PRIMARY KEY ("unsubscribeTokenHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_confirmTokenHash_key" ON "AlertSubscription"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "AlertSubscription_earthPoint_idx" ON "AlertSubscription" USING GIST ("earthPoint");

-- CreateIndex
CREATE INDEX "AlertSubscription_confirmedAt_createdAt_idx" ON "AlertSubscription"("confirmedAt", "createdAt");

-- CreateIndex
CREATE INDEX "AlertMatch_sentAt_idx" ON "AlertMatch"("sentAt");

-- CreateIndex
CREATE INDEX "AlertMatch_measureId_idx" ON "AlertMatch"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertMail_outboxMessageId_key" ON "AlertMail"("outboxMessageId");

-- CreateIndex
CREATE INDEX "AlertMail_subscriptionId_idx" ON "AlertMail"("subscriptionId");

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_comuneCode_fkey" FOREIGN KEY ("comuneCode") REFERENCES "Comune"("istatCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertMatch" ADD CONSTRAINT "AlertMatch_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertMatch" ADD CONSTRAINT "AlertMatch_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertMail" ADD CONSTRAINT "AlertMail_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertMail" ADD CONSTRAINT "AlertMail_outboxMessageId_fkey" FOREIGN KEY ("outboxMessageId") REFERENCES "OutboxMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
