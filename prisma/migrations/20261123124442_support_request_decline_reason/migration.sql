-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN     "declineReason" TEXT NOT NULL DEFAULT '';
