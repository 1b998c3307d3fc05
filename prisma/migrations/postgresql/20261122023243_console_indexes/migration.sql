-- CreateIndex
CREATE INDEX "VerificationSession_applicationId_createdAt_idx" ON "VerificationSession"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationSession_applicationId_status_decidedAt_idx" ON "VerificationSession"("applicationId", "status", "decidedAt");

-- CreateIndex
CREATE INDEX "FaceListEntry_sessionId_idx" ON "FaceListEntry"("sessionId");

-- CreateIndex
CREATE INDEX "Media_expiresAt_idx" ON "Media"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditLog_applicationId_action_createdAt_idx" ON "AuditLog"("applicationId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_sessionId_idx" ON "WebhookEvent"("sessionId");
