-- CreateIndex
CREATE INDEX "Organization_registryStatus_lastVerifiedAt_id_idx" ON "Organization"("registryStatus", "lastVerifiedAt", "id");
