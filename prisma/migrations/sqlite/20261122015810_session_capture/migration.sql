-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN "abandonAt" DATETIME;
ALTER TABLE "VerificationSession" ADD COLUMN "captureTokenSealed" BLOB;
ALTER TABLE "VerificationSession" ADD COLUMN "challenge" JSONB;
ALTER TABLE "VerificationSession" ADD COLUMN "referenceTemplateId" TEXT;
ALTER TABLE "VerificationSession" ADD COLUMN "stepUp" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isSandbox" BOOLEAN NOT NULL DEFAULT false,
    "faceMatchReviewThreshold" INTEGER NOT NULL DEFAULT 70,
    "faceMatchDeclineThreshold" INTEGER NOT NULL DEFAULT 50,
    "livenessDeclineThreshold" INTEGER NOT NULL DEFAULT 50,
    "livenessReviewThreshold" INTEGER NOT NULL DEFAULT 50,
    "retentionDays" INTEGER,
    "saveApiRequests" BOOLEAN NOT NULL DEFAULT false,
    "branding" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Application" ("branding", "createdAt", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "retentionDays", "saveApiRequests", "updatedAt") SELECT "branding", "createdAt", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "retentionDays", "saveApiRequests", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VerificationSession_status_abandonAt_idx" ON "VerificationSession"("status", "abandonAt");
