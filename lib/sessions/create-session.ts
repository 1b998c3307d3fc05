import { randomUUID } from "node:crypto";
import { encryptString } from "@/lib/crypto/encryption";
import { createRandomToken, hashToken } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";
import { captureUrlFor, sessionUrlOf } from "@/lib/sessions/build-session-decision";
import { linkReferenceImage, storeReferenceImage } from "@/lib/sessions/keep-reference-image";
import { lockSessionNumbering } from "@/lib/sessions/lock-session-numbering";
import { resolveReferenceFace } from "@/lib/sessions/resolve-reference-face";
import type { CreateSessionInput } from "@/lib/sessions/schemas";
import { sessionLinkTtlMs } from "@/lib/sessions/session-timing";
import { createFaceTemplate } from "@/lib/templates/create-face-template";
import { pickRolloutVersion } from "@/lib/workflows/pick-rollout-version";

type Created = { created: boolean; body: Record<string, unknown> };

function responseBody(session: { id: string; sessionNumber: number; status: string; workflowId: string; vendorData: string | null; callback: string | null; metadata: unknown }, url: string | null, token: string | null) {
  return {
    session_id: session.id,
    session_number: session.sessionNumber,
    session_token: token,
    url,
    session_url: url,
    status: session.status,
    workflow_id: session.workflowId,
    vendor_data: session.vendorData,
    callback: session.callback,
    metadata: session.metadata ?? null,
  };
}

// POST /v3/session/: pins the workflow's published version (or, during a gradual rollout, the rolled-out
// one for the session's stable share), resolves the reference face (its image kept
// sealed unless the application's keepReferenceImages is "never"), mints an unguessable capture token. An unfinished session for the same vendor_data + workflow is returned
// instead of a second one (unless a new portrait is sent).
export async function createSession(db: Db, input: { applicationId: string; body: CreateSessionInput; actor: string }): Promise<Created> {
  const { body } = input;
  const workflow = await db.workflow.findFirst({ where: { id: body.workflow_id, applicationId: input.applicationId, deletedAt: null }, include: { versions: true } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.", { field: "workflow_id" });
  // the id is drawn here so the rollout share can be decided from it before the row exists
  const sessionId = randomUUID();
  const versionId = pickRolloutVersion({ workflowId: workflow.id, publishedVersionId: workflow.publishedVersionId, rolloutVersionId: workflow.rolloutVersionId, rolloutPercent: workflow.rolloutPercent, sessionId });
  const version = workflow.versions.find((v) => v.id === versionId);
  if (!version) throw new AppError("unprocessable", "This workflow has no published version yet.", { field: "workflow_id" });
  const workflowType = body.workflow_type === "biometric_authentication" || workflow.workflowType === "biometric_authentication" ? "biometric_authentication" : "default";
  const vendorData = body.vendor_data ?? null;

  if (vendorData && !body.portrait_image) {
    const open = await db.verificationSession.findFirst({
      where: { applicationId: input.applicationId, vendorData, workflowId: workflow.id, status: { in: ["Not Started", "In Progress"] }, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    });
    if (open) return { created: false, body: responseBody(open, sessionUrlOf(open), null) };
  }

  const graph = version.graph as { nodes: { type: string }[] };
  const needsFaceMatch = graph.nodes.some((n) => n.type === "FACE_MATCH");
  const reference = await resolveReferenceFace(db, { applicationId: input.applicationId, vendorData, portraitImage: body.portrait_image ?? null, needsFaceMatch });
  const token = createRandomToken("", 32);
  const app = reference.kind === "portrait" ? await db.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { keepReferenceImages: true, retentionDays: true } }) : null;
  const referenceMediaId =
    reference.kind === "portrait" && app ? await storeReferenceImage(db, { applicationId: input.applicationId, policy: app.keepReferenceImages, retentionDays: app.retentionDays, image: reference.image }) : null;

  for (let tries = 0; ; tries++) {
    try {
      const session = await db.$transaction(async (tx) => {
        await lockSessionNumbering(tx, input.applicationId);
        const last = await tx.verificationSession.aggregate({ where: { applicationId: input.applicationId }, _max: { sessionNumber: true } });
        const created = await tx.verificationSession.create({
          data: {
            id: sessionId,
            applicationId: input.applicationId,
            sessionNumber: (last._max.sessionNumber ?? 0) + 1,
            workflowId: workflow.id,
            workflowVersionId: version.id,
            workflowType,
            vendorData,
            callback: body.callback ?? null,
            callbackMethod: body.callback_method ?? null,
            metadata: (body.metadata ?? undefined) as object | undefined,
            language: body.language ?? null,
            contactDetails: (body.contact_details ?? undefined) as object | undefined,
            expectedDetails: (body.expected_details ?? undefined) as object | undefined,
            captureTokenHash: hashToken(token),
            expiresAt: new Date(Date.now() + sessionLinkTtlMs()),
          },
        });
        await tx.verificationSession.update({ where: { id: created.id }, data: { captureTokenSealed: encryptString(token, `capture:${created.id}`) } });
        let referenceTemplateId = reference.kind === "enrolled" ? reference.templateId : null;
        if (reference.kind === "portrait") {
          const template = await createFaceTemplate(tx, { applicationId: input.applicationId, embedding: reference.embedding, modelId: reference.modelId, source: "portrait", vendorData, sessionId: created.id });
          referenceTemplateId = template.id;
          if (referenceMediaId) await linkReferenceImage(tx, { mediaId: referenceMediaId, sessionId: created.id, templateId: template.id });
        }
        await tx.sessionEvent.create({ data: { sessionId: created.id, toStatus: "Not Started", actor: input.actor, reason: "session created" } });
        return tx.verificationSession.update({ where: { id: created.id }, data: { referenceTemplateId } });
      });
      if (reference.kind === "portrait") announceFaceTemplatesChanged(input.applicationId);
      return { created: true, body: responseBody(session, captureUrlFor(token), token) };
    } catch (error) {
      // two sessions created at once can pick the same number; the unique index makes one retry
      if (tries < 3 && (error as { code?: string }).code === "P2002") continue;
      if (referenceMediaId) await deleteMedia(db, [referenceMediaId]);
      throw error;
    }
  }
}
