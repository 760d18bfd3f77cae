-- AlterTable
ALTER TABLE "AdviceRequest" ADD COLUMN     "language" VARCHAR(2) NOT NULL DEFAULT 'it';
