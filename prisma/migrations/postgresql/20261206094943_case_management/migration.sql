-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "autoBlocklistDeclined" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "keepReferenceImages" TEXT NOT NULL DEFAULT 'in_review',
ADD COLUMN     "reasonCodes" JSONB;

-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN     "fourEyes" JSONB,
ADD COLUMN     "reviewPriority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewSlaHours" INTEGER;

-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN     "pendingReviewId" TEXT,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resubmissions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewDueAt" TIMESTAMP(3),
ADD COLUMN     "reviewReasons" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "customerComment" TEXT,
ADD COLUMN     "mentions" JSONB,
ADD COLUMN     "pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reasonCode" TEXT,
ADD COLUMN     "secondOfId" TEXT;

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_applicationId_userId_name_key" ON "SavedView"("applicationId", "userId", "name");

-- CreateIndex
CREATE INDEX "VerificationSession_applicationId_status_reviewDueAt_idx" ON "VerificationSession"("applicationId", "status", "reviewDueAt");

-- CreateIndex
CREATE INDEX "VerificationSession_applicationId_assignedToId_status_idx" ON "VerificationSession"("applicationId", "assignedToId", "status");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
