-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "SurveyQuestionType" AS ENUM ('agree', 'single', 'multiple', 'scale', 'text');

-- CreateEnum
CREATE TYPE "SurveyService" AS ENUM ('casework', 'course', 'group');

-- CreateEnum
CREATE TYPE "SurveyTextStatus" AS ENUM ('draft', 'reviewed');

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'draft',
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "languages" TEXT[],
    "openToken" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveySection" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveySection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "SurveyQuestionType" NOT NULL,
    "position" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyText" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "SurveyTextStatus" NOT NULL DEFAULT 'draft',
    "reviewedById" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "reusable" BOOLEAN NOT NULL DEFAULT false,
    "service" "SurveyService",
    "language" TEXT NOT NULL DEFAULT 'en',
    "familyId" TEXT,
    "draft" JSONB,
    "page" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "completedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "service" "SurveyService",
    "language" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "invitationId" TEXT,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyOpenAttempt" (
    "id" BIGSERIAL NOT NULL,
    "clientKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyOpenAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_year_key" ON "Survey"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_openToken_key" ON "Survey"("openToken");

-- CreateIndex
CREATE UNIQUE INDEX "SurveySection_surveyId_key_key" ON "SurveySection"("surveyId", "key");

-- CreateIndex
CREATE INDEX "SurveyQuestion_sectionId_idx" ON "SurveyQuestion"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_key_key" ON "SurveyQuestion"("surveyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyText_surveyId_key_language_key" ON "SurveyText"("surveyId", "key", "language");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_code_key" ON "SurveyInvitation"("code");

-- CreateIndex
CREATE INDEX "SurveyInvitation_surveyId_idx" ON "SurveyInvitation"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyInvitation_familyId_idx" ON "SurveyInvitation"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_invitationId_key" ON "SurveyResponse"("invitationId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_service_idx" ON "SurveyResponse"("surveyId", "service");

-- CreateIndex
CREATE INDEX "SurveyOpenAttempt_clientKey_createdAt_idx" ON "SurveyOpenAttempt"("clientKey", "createdAt");

-- AddForeignKey
ALTER TABLE "SurveySection" ADD CONSTRAINT "SurveySection_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SurveySection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyText" ADD CONSTRAINT "SurveyText_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
