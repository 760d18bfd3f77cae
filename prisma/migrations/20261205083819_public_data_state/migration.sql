-- CreateTable
CREATE TABLE "PublicDataState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublicDataState_pkey" PRIMARY KEY ("id")
);

-- Written by hand: the one row, and the triggers that bump it, as in "search_state"
-- (deferred to commit time; the first row of a transaction bumps, the rest skip).
INSERT INTO "PublicDataState" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_public_data_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rwb.public_data_state_bumped', true) IS DISTINCT FROM 'yes' THEN
    UPDATE "PublicDataState" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('rwb.public_data_state_bumped', 'yes', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Event_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "Event"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
CREATE CONSTRAINT TRIGGER "Contribution_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "Contribution"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
CREATE CONSTRAINT TRIGGER "AtecoSection_public_data_state" AFTER INSERT OR UPDATE OR DELETE ON "AtecoSection"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_public_data_state"();
