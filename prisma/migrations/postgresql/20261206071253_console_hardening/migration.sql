-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "embedOrigins" JSONB;

-- AlterTable: existing keys get a display id derived from their random row id (not from the secret);
-- the old "prefix" column held the first characters of the secret and is dropped.
ALTER TABLE "ApiKey" ADD COLUMN "keyId" TEXT;
UPDATE "ApiKey" SET "keyId" = 'key_' || lower(substr(replace("id", '-', ''), 1, 12));
ALTER TABLE "ApiKey" ALTER COLUMN "keyId" SET NOT NULL;
ALTER TABLE "ApiKey" DROP COLUMN "prefix";

-- The audit entries of created keys recorded the same secret characters: remove them.
UPDATE "AuditLog" SET "details" = "details" - 'prefix' WHERE "action" = 'api_key.created' AND "details" IS NOT NULL;

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsoleSession_userId_ip_idx" ON "ConsoleSession"("userId", "ip");

-- CreateIndex
CREATE INDEX "ConsoleSession_expiresAt_idx" ON "ConsoleSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyId_key" ON "ApiKey"("keyId");

-- AddForeignKey
ALTER TABLE "ConsoleSession" ADD CONSTRAINT "ConsoleSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
