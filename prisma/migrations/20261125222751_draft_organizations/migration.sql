-- DropForeignKey
ALTER TABLE "Organization" DROP CONSTRAINT "Organization_comuneCode_fkey";

-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "vatNumber" DROP NOT NULL,
ALTER COLUMN "name" SET DEFAULT '',
ALTER COLUMN "comuneCode" DROP NOT NULL,
ALTER COLUMN "lat" DROP NOT NULL,
ALTER COLUMN "lon" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_comuneCode_fkey" FOREIGN KEY ("comuneCode") REFERENCES "Comune"("istatCode") ON DELETE SET NULL ON UPDATE CASCADE;
