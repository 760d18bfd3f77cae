-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "vatNumber" CHAR(11);

-- CreateIndex
CREATE INDEX "Application_vatNumber_idx" ON "Application"("vatNumber");

-- Written by hand: "vatNumber" follows the payload whoever writes it (the
-- company area, the seed scripts), as "measureFacts" follows the measures.
-- Only a well-formed number is copied; anything else is no number at all.
CREATE FUNCTION "application_vat_number"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."vatNumber" := substring(NEW.payload #>> '{organization,vatNumber}' FROM '^\d{11}$');
  RETURN NEW;
END
$$;

CREATE TRIGGER "application_vat_number"
  BEFORE INSERT OR UPDATE OF payload ON "Application"
  FOR EACH ROW EXECUTE FUNCTION "application_vat_number"();

UPDATE "Application" SET payload = payload;

-- A draft no longer reserves its Partita IVA: numbers that drafts of never
-- registered organizations took are given back (the squatting of issue 13).
-- An organization keeps its number while it is registered (or was: suspended,
-- withdrawn) or while its first application is submitted or under changes.
UPDATE "Organization" o SET "vatNumber" = NULL
WHERE o."registryStatus" = 'NOT_REGISTERED' AND o."vatNumber" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "Application" a
  WHERE a."organizationId" = o.id AND a.status IN ('SUBMITTED', 'CHANGES_REQUESTED')
);
