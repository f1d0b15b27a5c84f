-- CreateEnum
CREATE TYPE "FactSource" AS ENUM ('EHEALTH_THERAPEUTIC_LINK', 'EHEALTH_CONSENT', 'RECORD_SYSTEM', 'PATIENT_PORTAL', 'STAFF_DOCUMENT');

-- CreateEnum
CREATE TYPE "TherapeuticLinkTerm" AS ENUM ('GP_LONG_TERM', 'OCCASIONAL_CONTACT', 'EMERGENCY_DEPARTMENT');

-- CreateEnum
CREATE TYPE "RepresentationBasis" AS ENUM ('PARENT', 'APPOINTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'COORDINATOR';
ALTER TYPE "Role" ADD VALUE 'PRIVACY_OFFICER';
ALTER TYPE "Role" ADD VALUE 'LEGAL_REPRESENTATIVE';

-- AlterTable
ALTER TABLE "AccessLogEntry" ADD COLUMN     "grantSource" "FactSource";

-- AlterTable
-- Edited by hand: "source" is added nullable, filled for the rows written before sources were
-- recorded, then made NOT NULL (the schema's final state). Before this migration only two
-- writers existed: the patient's own consent page (recordedById = the patient) and staff
-- recording a signed form (the demo seed's nurse); relations came only from the organisation's
-- records (the demo seed), hence RECORD_SYSTEM.
ALTER TABLE "ConsentEvent" ADD COLUMN     "source" "FactSource",
ADD COLUMN     "sourceReference" TEXT;
UPDATE "ConsentEvent"
   SET "source" = CASE WHEN "recordedById" = "patientId" THEN 'PATIENT_PORTAL'::"FactSource"
                       ELSE 'STAFF_DOCUMENT'::"FactSource" END;
ALTER TABLE "ConsentEvent" ALTER COLUMN "source" SET NOT NULL;

-- AlterTable
ALTER TABLE "TherapeuticRelation" ADD COLUMN     "recordedById" TEXT,
ADD COLUMN     "source" "FactSource",
ADD COLUMN     "sourceReference" TEXT,
ADD COLUMN     "term" "TherapeuticLinkTerm";
UPDATE "TherapeuticRelation" SET "source" = 'RECORD_SYSTEM';
ALTER TABLE "TherapeuticRelation" ALTER COLUMN "source" SET NOT NULL;

-- CreateTable
CREATE TABLE "LegalRepresentation" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "basis" "RepresentationBasis" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "revokedAt" TIMESTAMPTZ(3),
    "source" "FactSource" NOT NULL,
    "sourceReference" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalRepresentation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepresentativeAgreementEvent" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "kind" "ConsentEventKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepresentativeAgreementEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegalRepresentation_patientId_representativeId_idx" ON "LegalRepresentation"("patientId", "representativeId");

-- CreateIndex
CREATE INDEX "LegalRepresentation_representativeId_idx" ON "LegalRepresentation"("representativeId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalRepresentation_source_sourceReference_patientId_repres_key" ON "LegalRepresentation"("source", "sourceReference", "patientId", "representativeId");

-- CreateIndex
CREATE INDEX "RepresentativeAgreementEvent_patientId_representativeId_occ_idx" ON "RepresentativeAgreementEvent"("patientId", "representativeId", "occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_source_sourceReference_patientId_key" ON "ConsentEvent"("source", "sourceReference", "patientId");

-- CreateIndex
CREATE UNIQUE INDEX "TherapeuticRelation_source_sourceReference_patientId_caregi_key" ON "TherapeuticRelation"("source", "sourceReference", "patientId", "caregiverId");

-- AddForeignKey
ALTER TABLE "TherapeuticRelation" ADD CONSTRAINT "TherapeuticRelation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalRepresentation" ADD CONSTRAINT "LegalRepresentation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalRepresentation" ADD CONSTRAINT "LegalRepresentation_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalRepresentation" ADD CONSTRAINT "LegalRepresentation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentativeAgreementEvent" ADD CONSTRAINT "RepresentativeAgreementEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepresentativeAgreementEvent" ADD CONSTRAINT "RepresentativeAgreementEvent_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
