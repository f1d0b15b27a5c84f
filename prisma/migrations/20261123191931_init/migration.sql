-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PATIENT', 'TRUSTED_PERSON', 'DOCTOR', 'CAREGIVER', 'NURSE', 'SERVICE_CENTER');

-- CreateEnum
CREATE TYPE "CaregiverProfession" AS ENUM ('GENERAL_PRACTITIONER', 'SPECIALIST', 'PHYSIOTHERAPIST', 'PHARMACIST', 'OCCUPATIONAL_THERAPIST', 'DIETITIAN', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsentEventKind" AS ENUM ('GIVEN', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SuspensionCause" AS ENUM ('SYSTEMATIC_QUERYING', 'MANUAL');

-- CreateEnum
CREATE TYPE "CarePlanStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'STOPPED');

-- CreateEnum
CREATE TYPE "NursingNoteKind" AS ENUM ('OBSERVATION', 'ASSESSMENT', 'COMMUNICATION');

-- CreateEnum
CREATE TYPE "VitalSignType" AS ENUM ('BLOOD_PRESSURE', 'PULSE', 'TEMPERATURE', 'GLUCOSE', 'WEIGHT', 'PAIN_SCORE', 'OXYGEN_SATURATION');

-- CreateEnum
CREATE TYPE "PlannedVisitStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FileSection" AS ENUM ('IDENTIFICATION', 'CONTACT', 'HEALTH', 'SOCIAL', 'FINANCIAL_ADMINISTRATIVE');

-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('OPEN', 'ROUTED_TO_NURSE', 'RESOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DataSubjectRequestKind" AS ENUM ('EXPORT', 'RESTRICTION', 'OBJECTION', 'ERASURE');

-- CreateEnum
CREATE TYPE "DataSubjectRequestStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'REFUSED');

-- CreateEnum
CREATE TYPE "AccessDecision" AS ENUM ('ALLOW', 'DENY', 'ERROR');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "insz" CHAR(11) NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE,
    "username" TEXT,
    "passwordHash" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT DEFAULT 'BE',
    "locale" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonRole" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "profession" "CaregiverProfession",
    "rizivNumber" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalSession" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "activeRole" "Role",
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "PortalSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareEpisode" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareTeamAssignment" (
    "id" TEXT NOT NULL,
    "nurseId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "responsible" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTeamAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TherapeuticRelation" (
    "id" TEXT NOT NULL,
    "caregiverId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "CaregiverProfession" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TherapeuticRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "ConsentEventKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exclusion" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "excludedPersonId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Exclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustedPersonAppointment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "trustedPersonId" TEXT NOT NULL,
    "appointedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TrustedPersonAppointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" TEXT NOT NULL,
    "nurseId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewNote" TEXT,

    CONSTRAINT "EmergencyAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suspension" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "cause" "SuspensionCause" NOT NULL,
    "reason" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" TEXT,
    "liftReason" TEXT,

    CONSTRAINT "Suspension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarePlanItem" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "frequency" TEXT,
    "status" "CarePlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "authorId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CarePlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NursingNote" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "NursingNoteKind" NOT NULL DEFAULT 'OBSERVATION',
    "writtenAt" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NursingNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalSign" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "type" "VitalSignType" NOT NULL,
    "value" DECIMAL(8,2) NOT NULL,
    "secondaryValue" DECIMAL(8,2),
    "unit" TEXT NOT NULL,
    "measuredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalSign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WoundCareEntry" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "treatment" TEXT NOT NULL,
    "performedAt" TIMESTAMPTZ(3) NOT NULL,
    "authorId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WoundCareEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicationScheduleItem" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "medication" TEXT NOT NULL,
    "dose" TEXT NOT NULL,
    "route" TEXT,
    "times" TEXT[],
    "instructions" TEXT,
    "prescriber" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MedicationScheduleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedVisit" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "nurseId" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 30,
    "purpose" TEXT NOT NULL,
    "status" "PlannedVisitStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlannedVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialData" (
    "patientId" TEXT NOT NULL,
    "livingSituation" TEXT,
    "informalCarers" TEXT,
    "homeAccess" TEXT,
    "languages" TEXT[],
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SocialData_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "FinancialAdministrativeData" (
    "patientId" TEXT NOT NULL,
    "insuranceFund" TEXT,
    "insuranceNumber" TEXT,
    "thirdPartyPayment" BOOLEAN NOT NULL DEFAULT true,
    "increasedAllowance" BOOLEAN NOT NULL DEFAULT false,
    "billingAddress" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FinancialAdministrativeData_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "RecordRevision" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "previous" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientComment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requesterRole" "Role" NOT NULL,
    "section" "FileSection" NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "description" TEXT NOT NULL,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "assignedNurseId" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "kind" "DataSubjectRequestKind" NOT NULL,
    "details" TEXT,
    "status" "DataSubjectRequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "answer" TEXT,

    CONSTRAINT "DataSubjectRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclarationVersion" (
    "id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "DeclarationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclarationAcceptance" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "version" INTEGER NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeclarationAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrivacyStatementVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyStatementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLogEntry" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "patientId" TEXT,
    "action" TEXT NOT NULL,
    "decision" "AccessDecision" NOT NULL,
    "reason" TEXT NOT NULL,
    "emergencyAccessId" TEXT,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AccessLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_insz_key" ON "Person"("insz");

-- CreateIndex
CREATE UNIQUE INDEX "Person_username_key" ON "Person"("username");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "PersonRole_personId_role_key" ON "PersonRole"("personId", "role");

-- CreateIndex
CREATE INDEX "PortalSession_personId_idx" ON "PortalSession"("personId");

-- CreateIndex
CREATE INDEX "CareEpisode_patientId_startDate_idx" ON "CareEpisode"("patientId", "startDate");

-- CreateIndex
CREATE INDEX "CareTeamAssignment_patientId_nurseId_idx" ON "CareTeamAssignment"("patientId", "nurseId");

-- CreateIndex
CREATE INDEX "CareTeamAssignment_nurseId_idx" ON "CareTeamAssignment"("nurseId");

-- CreateIndex
CREATE INDEX "TherapeuticRelation_patientId_caregiverId_idx" ON "TherapeuticRelation"("patientId", "caregiverId");

-- CreateIndex
CREATE INDEX "TherapeuticRelation_caregiverId_idx" ON "TherapeuticRelation"("caregiverId");

-- CreateIndex
CREATE INDEX "ConsentEvent_patientId_occurredAt_idx" ON "ConsentEvent"("patientId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "Exclusion_patientId_excludedPersonId_idx" ON "Exclusion"("patientId", "excludedPersonId");

-- CreateIndex
CREATE INDEX "TrustedPersonAppointment_patientId_trustedPersonId_idx" ON "TrustedPersonAppointment"("patientId", "trustedPersonId");

-- CreateIndex
CREATE INDEX "TrustedPersonAppointment_trustedPersonId_idx" ON "TrustedPersonAppointment"("trustedPersonId");

-- CreateIndex
CREATE INDEX "EmergencyAccess_patientId_nurseId_expiresAt_idx" ON "EmergencyAccess"("patientId", "nurseId", "expiresAt");

-- CreateIndex
CREATE INDEX "EmergencyAccess_reviewedAt_idx" ON "EmergencyAccess"("reviewedAt");

-- CreateIndex
CREATE INDEX "Suspension_personId_liftedAt_idx" ON "Suspension"("personId", "liftedAt");

-- CreateIndex
CREATE INDEX "CarePlanItem_patientId_status_idx" ON "CarePlanItem"("patientId", "status");

-- CreateIndex
CREATE INDEX "NursingNote_patientId_writtenAt_idx" ON "NursingNote"("patientId", "writtenAt" DESC);

-- CreateIndex
CREATE INDEX "VitalSign_patientId_type_measuredAt_idx" ON "VitalSign"("patientId", "type", "measuredAt" DESC);

-- CreateIndex
CREATE INDEX "WoundCareEntry_patientId_performedAt_idx" ON "WoundCareEntry"("patientId", "performedAt" DESC);

-- CreateIndex
CREATE INDEX "MedicationScheduleItem_patientId_startDate_idx" ON "MedicationScheduleItem"("patientId", "startDate");

-- CreateIndex
CREATE INDEX "PlannedVisit_patientId_startsAt_idx" ON "PlannedVisit"("patientId", "startsAt");

-- CreateIndex
CREATE INDEX "RecordRevision_entityType_entityId_idx" ON "RecordRevision"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "RecordRevision_patientId_changedAt_idx" ON "RecordRevision"("patientId", "changedAt" DESC);

-- CreateIndex
CREATE INDEX "PatientComment_patientId_entityType_entityId_idx" ON "PatientComment"("patientId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_status_dueAt_idx" ON "CorrectionRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "CorrectionRequest_patientId_idx" ON "CorrectionRequest"("patientId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_assignedNurseId_status_idx" ON "CorrectionRequest"("assignedNurseId", "status");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_patientId_idx" ON "DataSubjectRequest"("patientId");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_status_dueAt_idx" ON "DataSubjectRequest"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationVersion_role_version_key" ON "DeclarationVersion"("role", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationAcceptance_personId_role_version_key" ON "DeclarationAcceptance"("personId", "role", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyStatementVersion_version_key" ON "PrivacyStatementVersion"("version");

-- CreateIndex
CREATE INDEX "AccessLogEntry_patientId_id_idx" ON "AccessLogEntry"("patientId", "id" DESC);

-- CreateIndex
CREATE INDEX "AccessLogEntry_actorId_occurredAt_idx" ON "AccessLogEntry"("actorId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AccessLogEntry_actorId_decision_occurredAt_idx" ON "AccessLogEntry"("actorId", "decision", "occurredAt");

-- AddForeignKey
ALTER TABLE "PersonRole" ADD CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_id_fkey" FOREIGN KEY ("id") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareEpisode" ADD CONSTRAINT "CareEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamAssignment" ADD CONSTRAINT "CareTeamAssignment_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamAssignment" ADD CONSTRAINT "CareTeamAssignment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TherapeuticRelation" ADD CONSTRAINT "TherapeuticRelation_caregiverId_fkey" FOREIGN KEY ("caregiverId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TherapeuticRelation" ADD CONSTRAINT "TherapeuticRelation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exclusion" ADD CONSTRAINT "Exclusion_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exclusion" ADD CONSTRAINT "Exclusion_excludedPersonId_fkey" FOREIGN KEY ("excludedPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedPersonAppointment" ADD CONSTRAINT "TrustedPersonAppointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedPersonAppointment" ADD CONSTRAINT "TrustedPersonAppointment_trustedPersonId_fkey" FOREIGN KEY ("trustedPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspension" ADD CONSTRAINT "Suspension_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspension" ADD CONSTRAINT "Suspension_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarePlanItem" ADD CONSTRAINT "CarePlanItem_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarePlanItem" ADD CONSTRAINT "CarePlanItem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NursingNote" ADD CONSTRAINT "NursingNote_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NursingNote" ADD CONSTRAINT "NursingNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalSign" ADD CONSTRAINT "VitalSign_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalSign" ADD CONSTRAINT "VitalSign_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WoundCareEntry" ADD CONSTRAINT "WoundCareEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WoundCareEntry" ADD CONSTRAINT "WoundCareEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationScheduleItem" ADD CONSTRAINT "MedicationScheduleItem_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialData" ADD CONSTRAINT "SocialData_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialAdministrativeData" ADD CONSTRAINT "FinancialAdministrativeData_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRevision" ADD CONSTRAINT "RecordRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientComment" ADD CONSTRAINT "PatientComment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientComment" ADD CONSTRAINT "PatientComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_assignedNurseId_fkey" FOREIGN KEY ("assignedNurseId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationVersion" ADD CONSTRAINT "DeclarationVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationAcceptance" ADD CONSTRAINT "DeclarationAcceptance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
