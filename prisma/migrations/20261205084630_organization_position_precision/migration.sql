-- CreateEnum
CREATE TYPE "PositionPrecision" AS ENUM ('EXACT', 'ADDRESS', 'APPROXIMATE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "positionPrecision" "PositionPrecision" NOT NULL DEFAULT 'EXACT';

-- Seats saved before addresses were geocoded were put at their comune's centre when the company
-- did not place them: those points are only approximate.
UPDATE "Organization" o SET "positionPrecision" = 'APPROXIMATE'
FROM "Comune" c
WHERE c."istatCode" = o."comuneCode" AND o.lat = c.lat AND o.lon = c.lon;
