-- AlterTable
ALTER TABLE "Application" ALTER COLUMN "livenessReviewThreshold" SET DEFAULT 50;

-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN     "abandonAt" TIMESTAMP(3),
ADD COLUMN     "captureTokenSealed" BYTEA,
ADD COLUMN     "challenge" JSONB,
ADD COLUMN     "referenceTemplateId" TEXT,
ADD COLUMN     "stepUp" JSONB;

-- CreateIndex
CREATE INDEX "VerificationSession_status_abandonAt_idx" ON "VerificationSession"("status", "abandonAt");
