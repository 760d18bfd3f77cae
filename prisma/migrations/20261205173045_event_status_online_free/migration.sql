-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('SCHEDULED', 'POSTPONED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "freeOfCharge" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "onlineUrl" TEXT,
ADD COLUMN     "status" "EventStatus" NOT NULL DEFAULT 'SCHEDULED';
