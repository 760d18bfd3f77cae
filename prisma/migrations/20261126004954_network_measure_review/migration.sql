-- CreateEnum
CREATE TYPE "NetworkMeasureReview" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "networkReview" "NetworkMeasureReview",
ADD COLUMN     "reviewNote" TEXT;
