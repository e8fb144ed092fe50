-- CreateEnum
CREATE TYPE "GroupStatus" AS ENUM ('active', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "GroupLeaderRole" AS ENUM ('facilitator', 'parent_champion');

-- CreateEnum
CREATE TYPE "GroupMemberSource" AS ENUM ('direct', 'course_graduate', 'referral', 'self');

-- CreateEnum
CREATE TYPE "AttendanceMode" AS ENUM ('named', 'head_count');

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "languages" TEXT[],
    "meetingPattern" TEXT NOT NULL DEFAULT '',
    "venue" TEXT NOT NULL DEFAULT '',
    "audienceTags" TEXT[],
    "status" "GroupStatus" NOT NULL DEFAULT 'active',
    "teamId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupLeader" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "GroupLeaderRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupLeader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "familyMemberId" TEXT,
    "firstName" TEXT NOT NULL,
    "contact" TEXT,
    "language" TEXT NOT NULL,
    "consentToContact" BOOLEAN NOT NULL DEFAULT false,
    "source" "GroupMemberSource" NOT NULL DEFAULT 'direct',
    "sourceCohortId" TEXT,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMeeting" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "attendanceMode" "AttendanceMode" NOT NULL,
    "headCountAdults" INTEGER,
    "headCountChildren" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupFollowUp" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "doneOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Group_teamId_idx" ON "Group"("teamId");

-- CreateIndex
CREATE INDEX "GroupLeader_userId_idx" ON "GroupLeader"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupLeader_groupId_userId_key" ON "GroupLeader"("groupId", "userId");

-- CreateIndex
CREATE INDEX "GroupMember_groupId_joinedOn_idx" ON "GroupMember"("groupId", "joinedOn");

-- CreateIndex
CREATE INDEX "GroupMember_familyMemberId_idx" ON "GroupMember"("familyMemberId");

-- CreateIndex
CREATE INDEX "GroupMember_sourceCohortId_idx" ON "GroupMember"("sourceCohortId");

-- CreateIndex
CREATE INDEX "GroupMeeting_groupId_heldOn_idx" ON "GroupMeeting"("groupId", "heldOn");

-- CreateIndex
CREATE INDEX "GroupAttendance_memberId_idx" ON "GroupAttendance"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupAttendance_meetingId_memberId_key" ON "GroupAttendance"("meetingId", "memberId");

-- CreateIndex
CREATE INDEX "GroupFollowUp_meetingId_idx" ON "GroupFollowUp"("meetingId");

-- CreateIndex
CREATE INDEX "GroupFollowUp_doneOn_idx" ON "GroupFollowUp"("doneOn");

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupLeader" ADD CONSTRAINT "GroupLeader_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupLeader" ADD CONSTRAINT "GroupLeader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_familyMemberId_fkey" FOREIGN KEY ("familyMemberId") REFERENCES "FamilyMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMeeting" ADD CONSTRAINT "GroupMeeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAttendance" ADD CONSTRAINT "GroupAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "GroupMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAttendance" ADD CONSTRAINT "GroupAttendance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFollowUp" ADD CONSTRAINT "GroupFollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "GroupMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
