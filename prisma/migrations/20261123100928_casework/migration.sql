-- CreateEnum
CREATE TYPE "ContactSource" AS ENUM ('MASH', 'school', 'health', 'self_referral', 'step_down_csc', 'resettlement', 'other');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('awaiting_decision', 'open', 'closed', 'stepped_up', 'no_further_action', 'signposted');

-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('early_help_support', 'sharing_with_agency', 'survey_contact');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('given', 'refused', 'withdrawn', 'overridden');

-- CreateEnum
CREATE TYPE "DecisionStage" AS ENUM ('contact', 'assessment_signoff', 'review', 'closure', 'step_up', 'step_down');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('accept_for_assessment', 'signpost', 'step_up_to_social_care', 'step_down_to_early_help', 'no_further_action', 'approve', 'return_for_work', 'continue_plan', 'close');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('draft', 'submitted', 'signed_off');

-- CreateEnum
CREATE TYPE "HeadlineOutcome" AS ENUM ('education', 'early_years', 'health', 'substance_misuse', 'family_relationships', 'safety_abuse_exploitation', 'crime', 'domestic_abuse', 'housing', 'financial_stability');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('not_started', 'in_progress', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "VisitType" AS ENUM ('home', 'office', 'phone', 'video', 'school');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('outcomes_met', 'stepped_up', 'family_declined', 'moved_away', 'other');

-- CreateEnum
CREATE TYPE "NeedResult" AS ENUM ('met', 'partly_met', 'not_met');

-- CreateEnum
CREATE TYPE "ResettlementItem" AS ENUM ('school_place', 'gp', 'benefits', 'bank_account', 'esol', 'housing', 'home_office_interview');

-- CreateEnum
CREATE TYPE "SupportRequestStatus" AS ENUM ('new', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "source" "ContactSource" NOT NULL,
    "sourceDetail" TEXT,
    "reason" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'awaiting_decision',
    "reReferral" BOOLEAN NOT NULL DEFAULT false,
    "previousClosedOn" DATE,
    "assessmentDays" INTEGER NOT NULL DEFAULT 45,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT,
    "memberId" TEXT,
    "purpose" "ConsentPurpose" NOT NULL,
    "agencyName" TEXT,
    "status" "ConsentStatus" NOT NULL,
    "recordedOn" DATE NOT NULL,
    "overrideReason" TEXT,
    "overrideLeadId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT,
    "stage" "DecisionStage" NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "rationale" TEXT NOT NULL,
    "pathway" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "allocatedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'draft',
    "strengths" TEXT NOT NULL DEFAULT '',
    "risks" TEXT NOT NULL DEFAULT '',
    "parentsViews" TEXT NOT NULL DEFAULT '',
    "analysis" TEXT NOT NULL DEFAULT '',
    "dueOn" DATE NOT NULL,
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentNeed" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "outcome" "HeadlineOutcome" NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT false,
    "severity" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildVoice" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "wishesAndFeelings" TEXT NOT NULL DEFAULT '',
    "seenAlone" BOOLEAN NOT NULL DEFAULT false,
    "directWorkTool" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChildVoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "reviewIntervalWeeks" INTEGER NOT NULL DEFAULT 6,
    "startedOn" DATE NOT NULL,
    "nextReviewOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanOutcome" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "need" "HeadlineOutcome" NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAction" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "outcomeId" TEXT,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'not_started',
    "completedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TafMeeting" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "attendees" TEXT NOT NULL,
    "minutes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TafMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT,
    "occurredOn" DATE NOT NULL,
    "type" "VisitType" NOT NULL,
    "whoSeen" TEXT NOT NULL DEFAULT '',
    "childSeenAlone" BOOLEAN NOT NULL DEFAULT false,
    "purpose" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "childVoice" TEXT NOT NULL DEFAULT '',
    "differenceMade" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "closedOn" DATE NOT NULL,
    "reason" "ClosureReason" NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "signedOffById" TEXT NOT NULL,
    "signedOffAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosureOutcome" (
    "id" TEXT NOT NULL,
    "closureId" TEXT NOT NULL,
    "need" "HeadlineOutcome" NOT NULL,
    "result" "NeedResult" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClosureOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResettlementTask" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "item" "ResettlementItem" NOT NULL,
    "doneOn" DATE,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResettlementTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "heldOn" DATE,
    "missedReason" TEXT,
    "casesDiscussed" TEXT NOT NULL DEFAULT '',
    "reflections" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionAction" (
    "id" TEXT NOT NULL,
    "supervisionId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "byWhen" DATE NOT NULL,
    "doneOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "teamId" TEXT,
    "referrerName" TEXT NOT NULL,
    "referrerAgency" TEXT NOT NULL,
    "referrerEmail" TEXT NOT NULL,
    "referrerPhone" TEXT NOT NULL DEFAULT '',
    "familyName" TEXT NOT NULL,
    "familyAddress" TEXT NOT NULL DEFAULT '',
    "familyPostcode" TEXT NOT NULL DEFAULT '',
    "children" TEXT NOT NULL DEFAULT '',
    "concern" TEXT NOT NULL,
    "familyConsents" BOOLEAN NOT NULL,
    "status" "SupportRequestStatus" NOT NULL DEFAULT 'new',
    "contactId" TEXT,
    "clientKey" TEXT NOT NULL,
    "triagedById" TEXT,
    "triagedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_familyId_receivedOn_idx" ON "Contact"("familyId", "receivedOn");

-- CreateIndex
CREATE INDEX "Contact_teamId_status_idx" ON "Contact"("teamId", "status");

-- CreateIndex
CREATE INDEX "Consent_familyId_purpose_createdAt_idx" ON "Consent"("familyId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "Consent_contactId_idx" ON "Consent"("contactId");

-- CreateIndex
CREATE INDEX "Consent_memberId_idx" ON "Consent"("memberId");

-- CreateIndex
CREATE INDEX "Consent_overrideLeadId_idx" ON "Consent"("overrideLeadId");

-- CreateIndex
CREATE INDEX "Decision_familyId_decidedAt_idx" ON "Decision"("familyId", "decidedAt");

-- CreateIndex
CREATE INDEX "Decision_contactId_idx" ON "Decision"("contactId");

-- CreateIndex
CREATE INDEX "Decision_decidedById_idx" ON "Decision"("decidedById");

-- CreateIndex
CREATE INDEX "Allocation_familyId_idx" ON "Allocation"("familyId");

-- CreateIndex
CREATE INDEX "Allocation_contactId_endedAt_idx" ON "Allocation"("contactId", "endedAt");

-- CreateIndex
CREATE INDEX "Allocation_practitionerId_endedAt_idx" ON "Allocation"("practitionerId", "endedAt");

-- CreateIndex
CREATE INDEX "Allocation_allocatedById_idx" ON "Allocation"("allocatedById");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_contactId_key" ON "Assessment"("contactId");

-- CreateIndex
CREATE INDEX "Assessment_familyId_idx" ON "Assessment"("familyId");

-- CreateIndex
CREATE INDEX "Assessment_status_dueOn_idx" ON "Assessment"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Assessment_signedOffById_idx" ON "Assessment"("signedOffById");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentNeed_assessmentId_outcome_key" ON "AssessmentNeed"("assessmentId", "outcome");

-- CreateIndex
CREATE INDEX "ChildVoice_memberId_idx" ON "ChildVoice"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ChildVoice_assessmentId_memberId_key" ON "ChildVoice"("assessmentId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_contactId_key" ON "Plan"("contactId");

-- CreateIndex
CREATE INDEX "Plan_familyId_idx" ON "Plan"("familyId");

-- CreateIndex
CREATE INDEX "Plan_nextReviewOn_idx" ON "Plan"("nextReviewOn");

-- CreateIndex
CREATE INDEX "PlanOutcome_planId_idx" ON "PlanOutcome"("planId");

-- CreateIndex
CREATE INDEX "PlanAction_planId_idx" ON "PlanAction"("planId");

-- CreateIndex
CREATE INDEX "PlanAction_outcomeId_idx" ON "PlanAction"("outcomeId");

-- CreateIndex
CREATE INDEX "PlanAction_status_dueOn_idx" ON "PlanAction"("status", "dueOn");

-- CreateIndex
CREATE INDEX "TafMeeting_planId_idx" ON "TafMeeting"("planId");

-- CreateIndex
CREATE INDEX "TafMeeting_familyId_idx" ON "TafMeeting"("familyId");

-- CreateIndex
CREATE INDEX "Review_planId_heldOn_idx" ON "Review"("planId", "heldOn");

-- CreateIndex
CREATE INDEX "Review_familyId_idx" ON "Review"("familyId");

-- CreateIndex
CREATE INDEX "ReviewScore_outcomeId_idx" ON "ReviewScore"("outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewScore_reviewId_outcomeId_key" ON "ReviewScore"("reviewId", "outcomeId");

-- CreateIndex
CREATE INDEX "CaseNote_familyId_occurredOn_idx" ON "CaseNote"("familyId", "occurredOn");

-- CreateIndex
CREATE INDEX "CaseNote_contactId_idx" ON "CaseNote"("contactId");

-- CreateIndex
CREATE INDEX "CaseNote_authorId_idx" ON "CaseNote"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Closure_contactId_key" ON "Closure"("contactId");

-- CreateIndex
CREATE INDEX "Closure_familyId_closedOn_idx" ON "Closure"("familyId", "closedOn");

-- CreateIndex
CREATE INDEX "Closure_signedOffById_idx" ON "Closure"("signedOffById");

-- CreateIndex
CREATE UNIQUE INDEX "ClosureOutcome_closureId_need_key" ON "ClosureOutcome"("closureId", "need");

-- CreateIndex
CREATE UNIQUE INDEX "ResettlementTask_familyId_item_key" ON "ResettlementTask"("familyId", "item");

-- CreateIndex
CREATE INDEX "Supervision_teamId_month_idx" ON "Supervision"("teamId", "month");

-- CreateIndex
CREATE INDEX "Supervision_supervisorId_idx" ON "Supervision"("supervisorId");

-- CreateIndex
CREATE UNIQUE INDEX "Supervision_practitionerId_month_key" ON "Supervision"("practitionerId", "month");

-- CreateIndex
CREATE INDEX "SupervisionAction_supervisionId_idx" ON "SupervisionAction"("supervisionId");

-- CreateIndex
CREATE UNIQUE INDEX "SupportRequest_reference_key" ON "SupportRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "SupportRequest_contactId_key" ON "SupportRequest"("contactId");

-- CreateIndex
CREATE INDEX "SupportRequest_status_createdAt_idx" ON "SupportRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SupportRequest_clientKey_createdAt_idx" ON "SupportRequest"("clientKey", "createdAt");

-- CreateIndex
CREATE INDEX "SupportRequest_teamId_idx" ON "SupportRequest"("teamId");

-- CreateIndex
CREATE INDEX "Family_postcode_idx" ON "Family"("postcode");

-- CreateIndex
CREATE INDEX "FamilyMember_dateOfBirth_idx" ON "FamilyMember"("dateOfBirth");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "FamilyMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_overrideLeadId_fkey" FOREIGN KEY ("overrideLeadId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_allocatedById_fkey" FOREIGN KEY ("allocatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentNeed" ADD CONSTRAINT "AssessmentNeed_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildVoice" ADD CONSTRAINT "ChildVoice_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildVoice" ADD CONSTRAINT "ChildVoice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "FamilyMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanOutcome" ADD CONSTRAINT "PlanOutcome_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "PlanOutcome"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TafMeeting" ADD CONSTRAINT "TafMeeting_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TafMeeting" ADD CONSTRAINT "TafMeeting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "PlanOutcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosureOutcome" ADD CONSTRAINT "ClosureOutcome_closureId_fkey" FOREIGN KEY ("closureId") REFERENCES "Closure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResettlementTask" ADD CONSTRAINT "ResettlementTask_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
