-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "honorific" TEXT;
