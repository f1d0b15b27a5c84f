-- DropIndex
DROP INDEX "ConsentEvent_source_sourceReference_patientId_key";

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_source_sourceReference_patientId_kind_key" ON "ConsentEvent"("source", "sourceReference", "patientId", "kind");
