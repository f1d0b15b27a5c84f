-- AlterTable
ALTER TABLE "AccessLogEntry" ADD COLUMN     "actorSystem" TEXT;

-- AlterTable
ALTER TABLE "CareEpisode" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CarePlanItem" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT;

-- AlterTable
ALTER TABLE "CareTeamAssignment" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MedicationScheduleItem" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT;

-- AlterTable
ALTER TABLE "NursingNote" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT;

-- AlterTable
ALTER TABLE "PlannedVisit" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT;

-- AlterTable
ALTER TABLE "RecordRevision" ADD COLUMN     "authorSystem" TEXT;

-- AlterTable
ALTER TABLE "VitalSign" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT;

-- CreateTable
CREATE TABLE "FhirAssertionJti" (
    "clientId" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FhirAssertionJti_pkey" PRIMARY KEY ("clientId","jti")
);

-- CreateTable
CREATE TABLE "FhirAccessToken" (
    "tokenHash" CHAR(64) NOT NULL,
    "clientId" TEXT NOT NULL,
    "scopes" TEXT[],
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FhirAccessToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "FhirAssertionJti_expiresAt_idx" ON "FhirAssertionJti"("expiresAt");

-- CreateIndex
CREATE INDEX "FhirAccessToken_expiresAt_idx" ON "FhirAccessToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CareEpisode_sourceSystem_sourceId_key" ON "CareEpisode"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "CarePlanItem_sourceSystem_sourceId_key" ON "CarePlanItem"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "CareTeamAssignment_sourceSystem_sourceId_nurseId_key" ON "CareTeamAssignment"("sourceSystem", "sourceId", "nurseId");

-- CreateIndex
CREATE UNIQUE INDEX "MedicationScheduleItem_sourceSystem_sourceId_key" ON "MedicationScheduleItem"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "NursingNote_sourceSystem_sourceId_key" ON "NursingNote"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedVisit_sourceSystem_sourceId_key" ON "PlannedVisit"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalSign_sourceSystem_sourceId_key" ON "VitalSign"("sourceSystem", "sourceId");
