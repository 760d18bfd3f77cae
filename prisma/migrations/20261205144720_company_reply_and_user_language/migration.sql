-- AlterEnum
ALTER TYPE "ApplicationEventType" ADD VALUE 'COMPANY_REPLY';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" VARCHAR(2) NOT NULL DEFAULT 'it';
