-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN "rolloutPercent" INTEGER;
ALTER TABLE "Workflow" ADD COLUMN "rolloutVersionId" TEXT;

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN "note" TEXT;

-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN "decidedBy" JSONB;
ALTER TABLE "VerificationSession" ADD COLUMN "splitBranches" TEXT;

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
    "embedOrigins" JSONB,
    "keepReferenceImages" TEXT NOT NULL DEFAULT 'in_review',
    "autoBlocklistDeclined" BOOLEAN NOT NULL DEFAULT false,
    "reasonCodes" JSONB,
    "defaultLanguage" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Application" ("autoBlocklistDeclined", "branding", "createdAt", "embedOrigins", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "keepReferenceImages", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "reasonCodes", "retentionDays", "saveApiRequests", "updatedAt") SELECT "autoBlocklistDeclined", "branding", "createdAt", "embedOrigins", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "keepReferenceImages", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "reasonCodes", "retentionDays", "saveApiRequests", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
