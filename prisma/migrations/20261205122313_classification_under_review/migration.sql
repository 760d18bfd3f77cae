-- AlterEnum
ALTER TYPE "ClassificationOutcome" ADD VALUE 'UNDER_REVIEW';
