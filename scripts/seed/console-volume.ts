import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/sqlite/client";

// Seeds a realistic console workload straight into a server's database with batched createMany:
// sessions spread over the last `days` days with a few thousand vendor_data values, a status mix close
// to production (mostly Approved, ~5 % In Review), LIVENESS + FACE_MATCH results for most decided
// sessions, reviewer decisions and comments, and audit entries. Rows only — no images, no templates.
export type VolumeOptions = { sessions: number; days: number; vendors: number; batch?: number; seed?: number; log?: (line: string) => void };
export type VolumeResult = { sessions: number; checks: number; reviews: number; events: number; audit: number; sampleSessionId: string; sampleVendorData: string; ms: number };

// small deterministic PRNG so runs are comparable
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_MIX: [string, number][] = [
  ["Approved", 0.62],
  ["Declined", 0.14],
  ["In Review", 0.05],
  ["Not Started", 0.06],
  ["In Progress", 0.02],
  ["Expired", 0.07],
  ["Abandoned", 0.04],
];

export async function seedConsoleVolume(db: PrismaClient, applicationId: string, options: VolumeOptions): Promise<VolumeResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const batch = options.batch ?? 5_000;
  const rand = mulberry32(options.seed ?? 42);
  const pick = () => {
    let r = rand();
    for (const [status, p] of STATUS_MIX) if ((r -= p) < 0) return status;
    return STATUS_MIX[0][0];
  };
  const workflows = await db.workflow.findMany({ where: { applicationId, deletedAt: null }, select: { id: true, publishedVersionId: true } });
  if (workflows.length === 0) throw new Error("the application has no workflow to attach sessions to");
  const users = await db.user.findMany({ select: { id: true, email: true } });
  const last = await db.verificationSession.aggregate({ where: { applicationId }, _max: { sessionNumber: true } });
  let sessionNumber = last._max.sessionNumber ?? 0;
  const now = Date.now();
  const span = options.days * 86_400_000;
  const vendorOf = (i: number) => `user-${String(i).padStart(5, "0")}`;
  const counts = { sessions: 0, checks: 0, reviews: 0, events: 0, audit: 0 };
  let sampleSessionId = "";

  for (let offset = 0; offset < options.sessions; offset += batch) {
    const n = Math.min(batch, options.sessions - offset);
    const sessions = [];
    const checks = [];
    const reviews = [];
    const events = [];
    const audit = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const status = pick();
      const createdAt = new Date(now - Math.floor(rand() * span));
      const decided = status === "Approved" || status === "Declined" || status === "In Review";
      const decidedAt = decided ? new Date(createdAt.getTime() + Math.floor(60_000 + rand() * 20 * 60_000)) : null;
      const wf = workflows[Math.floor(rand() * workflows.length)];
      const vendorData = rand() < 0.08 ? null : vendorOf(Math.floor(Math.pow(rand(), 1.6) * options.vendors));
      sessions.push({
        id,
        applicationId,
        sessionNumber: ++sessionNumber,
        workflowId: wf.id,
        workflowVersionId: wf.publishedVersionId,
        status,
        vendorData,
        captureTokenHash: createHash("sha256").update(id).digest("hex"),
        expiresAt: new Date(createdAt.getTime() + 7 * 86_400_000),
        startedAt: status === "Not Started" ? null : new Date(createdAt.getTime() + 30_000),
        decidedAt,
        ip: `198.51.100.${Math.floor(rand() * 250)}`,
        userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 Safari/604.1",
        pathTaken: decided ? ["start", "liveness", "face_match", status === "Approved" ? "approved" : status === "Declined" ? "declined" : "review"] : undefined,
        createdAt,
        updatedAt: decidedAt ?? createdAt,
      });
      if (decided) {
        // the scores are drawn so that they agree with the status the session ended in
        const lv = status === "Declined" && rand() < 0.5 ? 10 + rand() * 39 : 55 + rand() * 45;
        const fm = status === "In Review" ? 50 + rand() * 19.9 : status === "Declined" && lv >= 50 ? 5 + rand() * 44 : 70 + rand() * 30;
        const checkAt = new Date(createdAt.getTime() + 45_000);
        const lvStatus = lv < 50 ? "Declined" : "Approved";
        const fmStatus = fm < 50 ? "Declined" : fm < 70 ? "In Review" : "Approved";
        checks.push({ sessionId: id, feature: "LIVENESS", status: lvStatus, method: "PASSIVE", score: lv, warnings: lv < 50 ? [{ risk: "LIVENESS_FACE_ATTACK", log_type: "error", short_description: "Possible spoof", long_description: "The liveness score is below the decline threshold." }] : [], data: { nodeId: "liveness" }, createdAt: checkAt });
        checks.push({ sessionId: id, feature: "FACE_MATCH", status: fmStatus, method: null, score: fm, warnings: fm < 70 ? [{ risk: "LOW_FACE_MATCH_SIMILARITY", log_type: fm < 50 ? "error" : "warning", short_description: "Low similarity", long_description: "The faces are not similar enough." }] : [], data: { nodeId: "face_match" }, createdAt: new Date(checkAt.getTime() + 1_000) });
      } else if (status === "In Progress" || status === "Abandoned") {
        checks.push({ sessionId: id, feature: "LIVENESS", status: "Not Finished", method: "PASSIVE", score: null, warnings: [], data: { nodeId: "liveness" }, createdAt: new Date(createdAt.getTime() + 45_000) });
      }
      // the timeline's last transition only (the creation event adds a row per session and nothing the pages read)
      if (status === "Not Started") events.push({ sessionId: id, fromStatus: null, toStatus: "Not Started", actor: "api_key:seed", createdAt });
      else events.push({ sessionId: id, fromStatus: "Not Started", toStatus: status, actor: "end_user", createdAt: decidedAt ?? new Date(createdAt.getTime() + 30_000) });
      // about one decided session in twelve was looked at by a person; some earlier In Review cases were decided
      if (decided && status !== "In Review" && users.length && rand() < 0.08) {
        const user = users[Math.floor(rand() * users.length)];
        const at = new Date(decidedAt!.getTime() + Math.floor(rand() * 6 * 3_600_000));
        const action = status === "Approved" ? "approve" : "decline";
        if (rand() < 0.3) reviews.push({ sessionId: id, userId: user.id, action: "comment", comment: "Checked the selfie against the reference.", createdAt: at });
        reviews.push({ sessionId: id, userId: user.id, action, newStatus: status, comment: action === "approve" ? "Same person, good lighting." : "Faces do not match.", createdAt: new Date(at.getTime() + 60_000) });
        audit.push({ applicationId, actorType: "user", actorId: user.id, actorLabel: user.email, action: action === "approve" ? "session.approved" : "session.declined", targetType: "session", targetId: id, details: { from: "In Review", to: status }, createdAt: at });
      }
      if (rand() < 0.05) audit.push({ applicationId, actorType: "api_key", actorId: "seed", actorLabel: "seed key", action: "session.updated", targetType: "session", targetId: id, details: { fields: ["metadata"] }, createdAt });
      if (!sampleSessionId && status === "In Review") sampleSessionId = id;
    }
    // one transaction per batch: one commit instead of one per statement Prisma splits the batch into
    await db.$transaction([
      db.verificationSession.createMany({ data: sessions }),
      db.checkResult.createMany({ data: checks }),
      db.sessionEvent.createMany({ data: events }),
      db.review.createMany({ data: reviews }),
      db.auditLog.createMany({ data: audit }),
    ]);
    counts.sessions += sessions.length;
    counts.checks += checks.length;
    counts.reviews += reviews.length;
    counts.events += events.length;
    counts.audit += audit.length;
    log(`  seeded ${counts.sessions.toLocaleString("en")} / ${options.sessions.toLocaleString("en")} sessions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return { ...counts, sampleSessionId, sampleVendorData: vendorOf(7), ms: performance.now() - started };
}
