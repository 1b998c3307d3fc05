-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "defaultLanguage" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN     "rolloutPercent" INTEGER,
ADD COLUMN     "rolloutVersionId" TEXT;

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN     "decidedBy" JSONB,
ADD COLUMN     "splitBranches" TEXT;
