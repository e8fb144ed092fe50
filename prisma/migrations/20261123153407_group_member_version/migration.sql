-- AlterTable
ALTER TABLE "GroupMember" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
