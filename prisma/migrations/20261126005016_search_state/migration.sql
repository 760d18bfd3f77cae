-- CreateTable
CREATE TABLE "SearchState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SearchState_pkey" PRIMARY KEY ("id")
);

-- Written by hand: the one row, and the triggers that bump it.
INSERT INTO "SearchState" ("id", "version") VALUES (1, 0);

-- Deferred to commit time, so the new version becomes visible together with
-- the data that changed (a reader never caches old data under a new version),
-- and the row lock is taken last in the transaction (no lock-order deadlocks).
-- Row-level (constraint triggers have to be); the first row of a transaction
-- bumps the counter, the rest see the transaction-local flag and skip.
CREATE FUNCTION "bump_search_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rwb.search_state_bumped', true) IS DISTINCT FROM 'yes' THEN
    UPDATE "SearchState" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('rwb.search_state_bumped', 'yes', true);
  END IF;
  RETURN NULL;
END
$$;

-- Organization rows that never were public (first drafts) change without bumping.
CREATE CONSTRAINT TRIGGER "Organization_insert_search_state" AFTER INSERT ON "Organization"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."registryStatus" = 'REGISTERED')
  EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "Organization_update_search_state" AFTER UPDATE ON "Organization"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."registryStatus" = 'REGISTERED' OR NEW."registryStatus" = 'REGISTERED')
  EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "Organization_delete_search_state" AFTER DELETE ON "Organization"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."registryStatus" = 'REGISTERED')
  EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "Measure_search_state" AFTER INSERT OR UPDATE OR DELETE ON "Measure"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "Network_search_state" AFTER INSERT OR UPDATE OR DELETE ON "Network"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "NetworkMembership_search_state" AFTER INSERT OR UPDATE OR DELETE ON "NetworkMembership"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "PactSignature_search_state" AFTER INSERT OR UPDATE OR DELETE ON "PactSignature"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_search_state"();
CREATE CONSTRAINT TRIGGER "Comune_search_state" AFTER INSERT OR UPDATE OR DELETE ON "Comune"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_search_state"();
