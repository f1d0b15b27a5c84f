-- AlterTable
ALTER TABLE "AccessLogEntry" ADD COLUMN     "linkVersion" SMALLINT NOT NULL DEFAULT 1;
