import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import type { Db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import { bulkAssignReviewCases } from "@/lib/review/bulk-assign-review-cases";
import { countReviewerWorkload } from "@/lib/review/count-reviewer-workload";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { queueQuerySchema } from "@/lib/review/queue-filters";
import { createSavedView, deleteSavedView, listSavedViews, savedViewSchema } from "@/lib/review/saved-views";
import { setCasePriority } from "@/lib/review/set-case-priority";
import { openTestDb } from "../support/tenants";
import { createPostgresDatabase, dbProviders } from "../support/test-server";

// The team queue against real databases (SQLite and PostgreSQL): filters, order, paging, a case opened
// by link, saved views, bulk assignment with per-case outcomes, priority changes and workload counts.
const now = new Date("2026-06-01T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const actor = (u: { id: string; email: string }) => ({ type: "user" as const, id: u.id, label: u.email });

describe.each(dbProviders)("review queue (%s)", (provider) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let appId: string;
  let kyc: string;
  let reauth: string;
  const users = {} as Record<"alice" | "bob" | "admin" | "viewer", { id: string; email: string }>;
  const ids: string[] = [];
  let n = 0;

  const addCase = async (fields: { workflowId?: string; reasons?: string[]; enteredHoursAgo?: number; dueInHours?: number | null; priority?: number; assignedToId?: string | null; pending?: boolean; status?: string }) => {
    n += 1;
    const s = await db.verificationSession.create({
      data: {
        applicationId: appId,
        sessionNumber: n,
        workflowId: fields.workflowId ?? kyc,
        status: fields.status ?? "In Review",
        vendorData: `user-${n}`,
        captureTokenHash: `${provider}-token-${n}`,
        expiresAt: new Date(now.getTime() + 86_400_000),
        createdAt: hoursAgo((fields.enteredHoursAgo ?? 1) + 0.5),
        decidedAt: hoursAgo(fields.enteredHoursAgo ?? 1),
        reviewReasons: fields.reasons ? `,${fields.reasons.join(",")},` : null,
        reviewDueAt: fields.dueInHours == null ? null : new Date(now.getTime() + fields.dueInHours * 3_600_000),
        priority: fields.priority ?? 0,
        assignedToId: fields.assignedToId ?? null,
        pendingReviewId: fields.pending ? "first-review" : null,
      },
    });
    ids.push(s.id);
    return s.id;
  };
  const list = (query: Record<string, string>, userId = users.alice.id) => listReviewQueue(db, { applicationId: appId, userId, query: queueQuerySchema.parse(query), now });
  const numbers = async (query: Record<string, string>, userId?: string) => (await list(query, userId)).cases.map((c) => c.sessionNumber);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faceid-queue-"));
    const pgDb = provider === "postgresql" ? await createPostgresDatabase() : null;
    const url = pgDb?.url ?? `file:${path.join(dir, "q.db")}`;
    await migrateDatabase({ provider, databaseUrl: url });
    db = openTestDb(provider, url);
    cleanup = async () => {
      await db.$disconnect();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    };
    appId = (await createApplication(db, { name: "Queue" })).id;
    kyc = (await db.workflow.create({ data: { applicationId: appId, label: "KYC", draftGraph: {} } })).id;
    reauth = (await db.workflow.create({ data: { applicationId: appId, label: "Re-auth", draftGraph: {} } })).id;
    for (const [name, role] of [["alice", "reviewer"], ["bob", "reviewer"], ["admin", "admin"], ["viewer", "viewer"]] as const) {
      users[name] = await db.user.create({ data: { email: `${name}-${provider}@queue.test`, passwordHash: "x", role }, select: { id: true, email: true } });
    }
  });
  afterAll(async () => cleanup?.());

  it("filters by workflow, reason, assignee, age, priority and second review, most urgent first", async () => {
    await addCase({ reasons: ["LOW_FACE_MATCH_SIMILARITY"], enteredHoursAgo: 30, dueInHours: -6 }); // 1: overdue
    await addCase({ reasons: ["LOW_LIVENESS_SCORE", "LOW_FACE_QUALITY"], enteredHoursAgo: 2, dueInHours: 22, priority: 2 }); // 2: urgent
    await addCase({ workflowId: reauth, reasons: ["DUPLICATED_FACE"], enteredHoursAgo: 5, assignedToId: users.alice.id }); // 3
    await addCase({ reasons: ["LOW_FACE_MATCH_SIMILARITY"], enteredHoursAgo: 80, priority: 1, assignedToId: users.bob.id, pending: true }); // 4
    await addCase({ enteredHoursAgo: 0.5, dueInHours: 4 }); // 5
    await addCase({ status: "Approved", reasons: ["LOW_FACE_MATCH_SIMILARITY"] }); // 6: decided, never listed

    // priority, then the nearest deadline (those without one last), then the longest wait
    expect(await numbers({})).toEqual([2, 4, 1, 5, 3]);
    expect((await list({})).total).toBe(5);
    expect(await numbers({ workflow: reauth })).toEqual([3]);
    expect(await numbers({ reason: "LOW_FACE_MATCH_SIMILARITY" })).toEqual([4, 1]);
    expect(await numbers({ reason: "LOW_FACE" })).toEqual([]);
    expect(await numbers({ assignee: "me" })).toEqual([3]);
    expect(await numbers({ assignee: "me" }, users.bob.id)).toEqual([4]);
    expect(await numbers({ assignee: "unassigned" })).toEqual([2, 1, 5]);
    expect(await numbers({ assignee: users.bob.id })).toEqual([4]);
    expect(await numbers({ age: "overdue" })).toEqual([1]);
    expect(await numbers({ age: "4h" })).toEqual([4, 1, 3]);
    expect(await numbers({ age: "3d" })).toEqual([4]);
    expect(await numbers({ priority: "2" })).toEqual([2]);
    expect(await numbers({ second: "awaiting" })).toEqual([4]);
    expect(await numbers({ reason: "LOW_FACE_MATCH_SIMILARITY", assignee: "unassigned" })).toEqual([1]);

    const rows = (await list({})).cases;
    const overdue = rows.find((c) => c.sessionNumber === 1)!;
    expect(overdue).toMatchObject({ overdue: true, reasons: ["LOW_FACE_MATCH_SIMILARITY"], priority: 0, awaitingSecondReview: false, workflow: "KYC" });
    expect(rows.find((c) => c.sessionNumber === 2)).toMatchObject({ overdue: false, reasons: ["LOW_LIVENESS_SCORE", "LOW_FACE_QUALITY"], priority: 2 });
    expect(rows.find((c) => c.sessionNumber === 4)).toMatchObject({ awaitingSecondReview: true, assignee: { email: users.bob.email } });
  });

  it("rejects filters that are not filters", () => {
    for (const bad of [{ age: "2h" }, { priority: "5" }, { assignee: "someone" }, { reason: "drop table" }, { workflow: "1" }, { page: "0" }, { colour: "red" }]) {
      expect(queueQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("pages past the first page with a total, and opens a linked case that is on another page", async () => {
    for (let i = 0; i < 55; i++) await addCase({ reasons: ["LOW_FACE_QUALITY"], enteredHoursAgo: 100 + i });
    const first = await list({ reason: "LOW_FACE_QUALITY" });
    const second = await list({ reason: "LOW_FACE_QUALITY", page: "2" });
    expect(first.total).toBe(56);
    expect(first.cases).toHaveLength(50);
    expect(second.cases).toHaveLength(6);
    expect(new Set([...first.cases, ...second.cases].map((c) => c.id)).size).toBe(56);
    // oldest first within the same priority and no deadline
    expect(first.cases[1].inReviewSince < first.cases[2].inReviewSince).toBe(true);
    const last = second.cases.at(-1)!;
    expect((await list({ reason: "LOW_FACE_QUALITY", case: last.id })).opened?.id).toBe(last.id);
    // filtered out, still opened; on the page, not repeated; decided, nothing to open
    expect((await list({ workflow: reauth, case: ids[0] })).opened?.sessionNumber).toBe(1);
    expect((await list({ case: ids[0] })).opened).toBeNull();
    expect((await list({ case: ids[5] })).opened).toBeNull();
  });

  it("saves views privately or for the team; the owner or an admin deletes them", async () => {
    const input = (v: unknown) => savedViewSchema.parse(v);
    const mine = await createSavedView(db, { ...input({ name: "My overdue", query: "?age=overdue&assignee=me" }), applicationId: appId, userId: users.alice.id });
    expect(mine.query).toBe("assignee=me&age=overdue");
    const team = await createSavedView(db, { ...input({ name: "Duplicates", query: "reason=DUPLICATED_FACE", shared: true }), applicationId: appId, userId: users.alice.id });
    await expect(createSavedView(db, { ...input({ name: "My overdue", query: "" }), applicationId: appId, userId: users.alice.id })).rejects.toMatchObject({ code: "conflict" });
    expect(savedViewSchema.safeParse({ name: "Bad", query: "age=forever" }).success).toBe(false);
    expect(savedViewSchema.safeParse({ name: " ", query: "" }).success).toBe(false);

    expect((await listSavedViews(db, { applicationId: appId, userId: users.alice.id })).map((v) => [v.name, v.mine])).toEqual([["Duplicates", true], ["My overdue", true]]);
    expect((await listSavedViews(db, { applicationId: appId, userId: users.bob.id })).map((v) => [v.name, v.mine])).toEqual([["Duplicates", false]]);
    await expect(deleteSavedView(db, { applicationId: appId, viewId: team.id, userId: users.bob.id, isAdmin: false, actor: actor(users.bob) })).rejects.toMatchObject({ code: "forbidden" });
    await deleteSavedView(db, { applicationId: appId, viewId: team.id, userId: users.admin.id, isAdmin: true, actor: actor(users.admin) });
    await deleteSavedView(db, { applicationId: appId, viewId: mine.id, userId: users.alice.id, isAdmin: false, actor: actor(users.alice) });
    expect(await listSavedViews(db, { applicationId: appId, userId: users.alice.id })).toEqual([]);
    expect(await db.auditLog.count({ where: { applicationId: appId, action: "review_view.deleted" } })).toBe(1);
  });

  it("assigns in bulk case by case, never taking a case someone else holds", async () => {
    const [free, alices, bobs, decided] = [ids[0], ids[2], ids[3], ids[5]];
    const bulk = (who: keyof typeof users, to: string | null, sessionIds: string[]) =>
      bulkAssignReviewCases(db, { sessionIds, to, applicationId: appId, userId: users[who].id, isAdmin: who === "admin", actor: actor(users[who]) });

    const taken = await bulk("alice", "me", [free, alices, bobs, decided, "00000000-0000-4000-8000-000000000000"]);
    expect(taken.done).toBe(1);
    expect(taken.outcomes.map((o) => [o.sessionNumber, o.ok])).toEqual([[1, true], [3, false], [4, false], [6, false], [null, false]]);
    expect(taken.outcomes[2].message).toContain("only an admin");
    expect(taken.outcomes[3].message).toBe("The session is Approved.");

    // a reviewer hands their cases to a colleague; an admin reassigns anyone's; release
    expect((await bulk("alice", users.bob.id, [free, alices])).done).toBe(2);
    expect((await bulk("alice", null, [free])).outcomes[0].ok).toBe(false);
    expect((await bulk("admin", users.alice.id, [free, bobs])).done).toBe(2);
    expect((await bulk("alice", null, [free, bobs])).done).toBe(2);
    await expect(bulk("alice", users.viewer.id, [free])).rejects.toMatchObject({ code: "validation_error" });
    expect(await db.verificationSession.findUniqueOrThrow({ where: { id: alices }, select: { assignedToId: true } })).toEqual({ assignedToId: users.bob.id });
    expect(await db.auditLog.count({ where: { applicationId: appId, action: { in: ["session.assigned", "session.unassigned"] } } })).toBe(7);
  });

  it("changes a case's priority while it is in review, audited", async () => {
    await setCasePriority(db, { applicationId: appId, sessionId: ids[4], priority: 2, actor: actor(users.alice) });
    expect((await numbers({ priority: "2" })).sort()).toEqual([2, 5]);
    await expect(setCasePriority(db, { applicationId: appId, sessionId: ids[5], priority: 1, actor: actor(users.alice) })).rejects.toMatchObject({ code: "conflict" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { applicationId: appId, action: "session.priority_changed" } });
    expect(audit).toMatchObject({ targetId: ids[4], details: { from: "Normal", to: "Urgent" } });
  });

  it("counts each reviewer's open cases and decisions today and this week", async () => {
    for (const [who, hours] of [["alice", 1], ["alice", 30], ["bob", 2], ["bob", 24 * 10]] as const) {
      await db.review.create({ data: { sessionId: ids[5], userId: users[who].id, action: "approve", newStatus: "Approved", comment: "ok", createdAt: hoursAgo(hours) } });
    }
    await db.review.create({ data: { sessionId: ids[5], userId: users.alice.id, action: "comment", comment: "a note", createdAt: hoursAgo(1) } });
    const team = await countReviewerWorkload(db, { applicationId: appId, dayStart: new Date("2026-06-01T00:00:00.000Z"), now });
    const byEmail = Object.fromEntries(team.map((t) => [t.email, [t.open, t.decidedToday, t.decidedWeek]]));
    expect(byEmail).toEqual({ [users.admin.email]: [0, 0, 0], [users.alice.email]: [0, 1, 2], [users.bob.email]: [1, 1, 1] });
  });
});
