import { randomUUID } from "node:crypto";
import { encryptEmbedding } from "@/lib/crypto/encryption";
import type { Db, Tx } from "@/lib/db";

// "candidate": a finished capture's selfie, kept sealed until a decision enrols or blocklists it; never
// searched, matched or listed as enrolled.
export type TemplateSource = "session" | "reauth" | "portrait" | "list" | "candidate";

// The sources of a vendor_data's enrolled faces (what re-authentication matches against).
export const ENROLLED_SOURCES: TemplateSource[] = ["session", "reauth"];

// A face template is the recogniser's embedding (not an image), sealed with the instance key and bound
// to its row id, so a template copied to another row does not decrypt.
export async function createFaceTemplate(
  db: Db | Tx,
  input: { applicationId: string; embedding: Float32Array; modelId: string; source: TemplateSource; vendorData?: string | null; sessionId?: string | null; mediaId?: string | null },
) {
  const id = randomUUID();
  return db.faceTemplate.create({
    data: {
      id,
      applicationId: input.applicationId,
      modelId: input.modelId,
      source: input.source,
      vendorData: input.vendorData ?? null,
      sessionId: input.sessionId ?? null,
      mediaId: input.mediaId ?? null,
      embedding: encryptEmbedding(input.embedding, `template:${id}`),
    },
  });
}
