-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Application" ("branding", "createdAt", "embedOrigins", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "retentionDays", "saveApiRequests", "updatedAt") SELECT "branding", "createdAt", "embedOrigins", "faceMatchDeclineThreshold", "faceMatchReviewThreshold", "id", "isSandbox", "livenessDeclineThreshold", "livenessReviewThreshold", "name", "retentionDays", "saveApiRequests", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE TABLE "new_Workflow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "workflowType" TEXT NOT NULL DEFAULT 'default',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "draftGraph" JSONB NOT NULL,
    "publishedVersionId" TEXT,
    "reviewSlaHours" INTEGER,
    "reviewPriority" INTEGER NOT NULL DEFAULT 0,
    "fourEyes" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Workflow_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Workflow" ("applicationId", "createdAt", "deletedAt", "draftGraph", "id", "isDefault", "label", "publishedVersionId", "updatedAt", "workflowType") SELECT "applicationId", "createdAt", "deletedAt", "draftGraph", "id", "isDefault", "label", "publishedVersionId", "updatedAt", "workflowType" FROM "Workflow";
DROP TABLE "Workflow";
ALTER TABLE "new_Workflow" RENAME TO "Workflow";
CREATE INDEX "Workflow_applicationId_idx" ON "Workflow"("applicationId");
CREATE TABLE "new_VerificationSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "sessionNumber" INTEGER NOT NULL,
    "workflowId" TEXT NOT NULL,
    "workflowVersionId" TEXT,
    "workflowType" TEXT NOT NULL DEFAULT 'default',
    "status" TEXT NOT NULL DEFAULT 'Not Started',
    "vendorData" TEXT,
    "callback" TEXT,
    "callbackMethod" TEXT,
    "metadata" JSONB,
    "language" TEXT,
    "contactDetails" JSONB,
    "expectedDetails" JSONB,
    "captureTokenHash" TEXT NOT NULL,
    "captureTokenSealed" BLOB,
    "expiresAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "abandonAt" DATETIME,
    "decidedAt" DATETIME,
    "stepUp" JSONB,
    "challenge" JSONB,
    "referenceTemplateId" TEXT,
    "portraitMediaId" TEXT,
    "deviceIdHash" TEXT,
    "deviceNonce" TEXT,
    "deviceKey" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "pathTaken" JSONB,
    "assignedToId" TEXT,
    "assignedAt" DATETIME,
    "reviewDueAt" DATETIME,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "reviewReasons" TEXT,
    "pendingReviewId" TEXT,
    "resubmissions" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VerificationSession_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VerificationSession_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VerificationSession_workflowVersionId_fkey" FOREIGN KEY ("workflowVersionId") REFERENCES "WorkflowVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VerificationSession_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_VerificationSession" ("abandonAt", "applicationId", "assignedAt", "assignedToId", "callback", "callbackMethod", "captureTokenHash", "captureTokenSealed", "challenge", "contactDetails", "createdAt", "decidedAt", "deviceIdHash", "deviceKey", "deviceNonce", "expectedDetails", "expiresAt", "id", "ip", "language", "metadata", "pathTaken", "portraitMediaId", "referenceTemplateId", "sessionNumber", "startedAt", "status", "stepUp", "updatedAt", "userAgent", "vendorData", "workflowId", "workflowType", "workflowVersionId") SELECT "abandonAt", "applicationId", "assignedAt", "assignedToId", "callback", "callbackMethod", "captureTokenHash", "captureTokenSealed", "challenge", "contactDetails", "createdAt", "decidedAt", "deviceIdHash", "deviceKey", "deviceNonce", "expectedDetails", "expiresAt", "id", "ip", "language", "metadata", "pathTaken", "portraitMediaId", "referenceTemplateId", "sessionNumber", "startedAt", "status", "stepUp", "updatedAt", "userAgent", "vendorData", "workflowId", "workflowType", "workflowVersionId" FROM "VerificationSession";
DROP TABLE "VerificationSession";
ALTER TABLE "new_VerificationSession" RENAME TO "VerificationSession";
CREATE UNIQUE INDEX "VerificationSession_captureTokenHash_key" ON "VerificationSession"("captureTokenHash");
CREATE INDEX "VerificationSession_applicationId_status_idx" ON "VerificationSession"("applicationId", "status");
CREATE INDEX "VerificationSession_applicationId_vendorData_idx" ON "VerificationSession"("applicationId", "vendorData");
CREATE INDEX "VerificationSession_status_expiresAt_idx" ON "VerificationSession"("status", "expiresAt");
CREATE INDEX "VerificationSession_status_abandonAt_idx" ON "VerificationSession"("status", "abandonAt");
CREATE INDEX "VerificationSession_applicationId_createdAt_idx" ON "VerificationSession"("applicationId", "createdAt");
CREATE INDEX "VerificationSession_applicationId_status_decidedAt_idx" ON "VerificationSession"("applicationId", "status", "decidedAt");
CREATE INDEX "VerificationSession_applicationId_status_reviewDueAt_idx" ON "VerificationSession"("applicationId", "status", "reviewDueAt");
CREATE INDEX "VerificationSession_applicationId_assignedToId_status_idx" ON "VerificationSession"("applicationId", "assignedToId", "status");
CREATE UNIQUE INDEX "VerificationSession_applicationId_sessionNumber_key" ON "VerificationSession"("applicationId", "sessionNumber");
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "newStatus" TEXT,
    "comment" TEXT NOT NULL,
    "reasonCode" TEXT,
    "customerComment" TEXT,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "secondOfId" TEXT,
    "mentions" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VerificationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("action", "comment", "createdAt", "id", "newStatus", "sessionId", "userId") SELECT "action", "comment", "createdAt", "id", "newStatus", "sessionId", "userId" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_sessionId_idx" ON "Review"("sessionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_applicationId_userId_name_key" ON "SavedView"("applicationId", "userId", "name");
