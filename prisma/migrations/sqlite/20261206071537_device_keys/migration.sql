-- AlterTable
ALTER TABLE "VerificationSession" ADD COLUMN "deviceKey" TEXT;
ALTER TABLE "VerificationSession" ADD COLUMN "deviceNonce" TEXT;

-- AlterTable
ALTER TABLE "KnownDevice" ADD COLUMN "publicKey" TEXT;
