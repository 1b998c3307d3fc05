import type { Db } from "@/lib/db";

// One end user (a vendor_data) as the console shows them: sessions, enrolled templates (metadata only,
// never the embedding), and the devices and IP addresses that re-authentication trusts.
export async function getEndUser(db: Db, input: { applicationId: string; vendorData: string }) {
  const key = { applicationId: input.applicationId, vendorData: input.vendorData };
  const [sessions, templates, devices, ips] = await Promise.all([
    db.verificationSession.findMany({
      where: key,
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        sessionNumber: true,
        status: true,
        workflowType: true,
        createdAt: true,
        workflow: { select: { label: true } },
        checks: { where: { feature: "FACE_MATCH" }, orderBy: { createdAt: "desc" }, take: 1, select: { score: true } },
        _count: { select: { checks: { where: { feature: "LIVENESS" } } } },
      },
    }),
    db.faceTemplate.findMany({ where: { ...key, source: { not: "candidate" } }, orderBy: { createdAt: "desc" }, select: { id: true, source: true, modelId: true, sessionId: true, createdAt: true } }),
    db.knownDevice.findMany({ where: key, orderBy: { lastSeenAt: "desc" }, select: { id: true, deviceIdHash: true, userAgent: true, firstSeenAt: true, lastSeenAt: true } }),
    db.knownIp.findMany({ where: key, orderBy: { lastSeenAt: "desc" }, select: { id: true, ip: true, firstSeenAt: true, lastSeenAt: true } }),
  ]);
  if (sessions.length === 0 && templates.length === 0 && devices.length === 0 && ips.length === 0) return null;
  const selfies = await db.media.findMany({ where: { sessionId: { in: sessions.map((s) => s.id) }, kind: "selfie" }, select: { sessionId: true } });
  const withSelfie = new Set(selfies.map((m) => m.sessionId));
  return {
    vendorData: input.vendorData,
    sessions: sessions.map((s) => ({ id: s.id, sessionNumber: s.sessionNumber, status: s.status, workflow: s.workflow.label, workflowType: s.workflowType, createdAt: s.createdAt, faceMatch: s.checks[0]?.score ?? null, hasSelfie: withSelfie.has(s.id) })),
    templates: templates.map((t) => ({ ...t, enrolment: t.source === "session" || t.source === "reauth" })),
    devices,
    ips,
  };
}
