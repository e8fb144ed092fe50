-- CreateTable
CREATE TABLE "SurveyCommentNote" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "translation" TEXT NOT NULL DEFAULT '',
    "theme" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyCommentNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyCommentNote_theme_idx" ON "SurveyCommentNote"("theme");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCommentNote_responseId_questionKey_key" ON "SurveyCommentNote"("responseId", "questionKey");

-- AddForeignKey
ALTER TABLE "SurveyCommentNote" ADD CONSTRAINT "SurveyCommentNote_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;
