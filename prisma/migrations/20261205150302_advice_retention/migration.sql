-- CreateTable
CREATE TABLE "AdviceRequestTally" (
    "id" SERIAL NOT NULL,
    "month" DATE NOT NULL,
    "topic" "MeasureCategory" NOT NULL,
    "comuneCode" CHAR(6),
    "status" "AdviceStatus" NOT NULL,
    "requests" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdviceRequestTally_pkey" PRIMARY KEY ("id")
);
