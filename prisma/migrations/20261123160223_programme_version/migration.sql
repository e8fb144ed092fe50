-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
