-- CreateEnum
CREATE TYPE "NewsKind" AS ENUM ('NEWS', 'GOOD_PRACTICE');

-- CreateEnum
CREATE TYPE "NewsStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "ProjectPartner" (
    "id" SERIAL NOT NULL,
    "kind" "SignatoryType" NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "roleIt" TEXT NOT NULL,
    "roleEn" TEXT NOT NULL DEFAULT '',
    "referent" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsItem" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "NewsKind" NOT NULL,
    "status" "NewsStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedOn" DATE NOT NULL,
    "titleIt" TEXT NOT NULL,
    "summaryIt" TEXT NOT NULL,
    "bodyIt" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "imageId" INTEGER,
    "imageAltIt" TEXT NOT NULL DEFAULT '',
    "imageAltEn" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsImage" (
    "id" SERIAL NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectPartner_kind_name_idx" ON "ProjectPartner"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "NewsItem_slug_key" ON "NewsItem"("slug");

-- CreateIndex
CREATE INDEX "NewsItem_status_publishedOn_idx" ON "NewsItem"("status", "publishedOn");

-- CreateIndex
CREATE INDEX "NewsItem_imageId_idx" ON "NewsItem"("imageId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsImage_sha256_key" ON "NewsImage"("sha256");

-- AddForeignKey
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "NewsImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
