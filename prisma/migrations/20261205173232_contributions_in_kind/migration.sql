-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('MONEY', 'STAFF_TIME', 'PREMISES', 'SERVICES', 'OTHER');

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "estimatedValue" DECIMAL(14,2),
ADD COLUMN     "kind" "ContributionKind" NOT NULL DEFAULT 'MONEY',
ALTER COLUMN "amount" DROP NOT NULL;

-- Written by hand: existing rows are money (the default above). A row is money
-- with an amount and no estimate, or a resource in kind described in words with
-- no amount, so that no report can add an estimate to the money by mistake.
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_money_or_in_kind" CHECK (
  ("kind" = 'MONEY' AND "amount" IS NOT NULL AND "estimatedValue" IS NULL)
  OR ("kind" <> 'MONEY' AND "amount" IS NULL AND "description" <> '')
);
