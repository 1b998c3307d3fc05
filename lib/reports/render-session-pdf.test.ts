import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readPdf } from "@/e2e/support/read-pdf";
import type { SessionReport } from "@/lib/reports/get-session-report";
import { pdfText, renderSessionPdf } from "@/lib/reports/render-session-pdf";

async function jpeg(colour: string) {
  return sharp({ create: { width: 300, height: 400, channels: 3, background: colour } }).jpeg().toBuffer();
}

async function report(entries: number): Promise<SessionReport> {
  const at = new Date("2026-12-06T10:00:00Z");
  return {
    application: "Acme Bank",
    id: "7f9c2ad4-1111-4222-8333-444455556666",
    sessionNumber: 42,
    vendorData: "customer-ä-1",
    workflow: "Selfie re-auth v3",
    workflowType: "re-authentication",
    status: "Declined",
    createdAt: at,
    startedAt: at,
    decidedAt: at,
    assignedTo: null,
    images: [
      { label: "Attempt 1: selfie", jpeg: await jpeg("#aa4444") },
      { label: "Reference: enrolled face", jpeg: await jpeg("#4444aa") },
      { label: "Attempt 2: selfie", jpeg: await jpeg("#44aa44") },
    ],
    checks: [{ attempt: 2, createdAt: at, title: "Face match: In Review", lines: ["Score 63 (review below 70, decline below 50; application thresholds)"], thresholds: { review: 70, decline: 50 }, thresholdSource: "application", warnings: [] }],
    models: [{ role: "Face recogniser", model: "face-reid-0095@f521a035c4a0", note: "stored with the face templates" }],
    decisions: [{ at, by: "rita@example.test", title: "Declined", lines: ["Reason: Not the same person (FACE_MISMATCH)", "Comment for the customer: Please contact support"], kind: "decision" }],
    timeline: Array.from({ length: entries }, (_, i) => ({ id: String(i), at: at.toISOString(), kind: "status" as const, title: `Status In Review → Declined ${i}`, actor: "rita@example.test", status: "Declined", fromStatus: "In Review", lines: ["manual decision"] })),
  };
}

describe("renderSessionPdf", () => {
  it("writes a readable PDF with the header, images, scores, decisions, timeline and numbered pages", async () => {
    const pdf = await renderSessionPdf(await report(120), { exportedBy: "auditor@example.test", generatedAt: new Date("2026-12-06T11:00:00Z") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const read = await readPdf(pdf);
    expect(read.title).toBe("Verification session #42");
    expect(read.images).toBe(3);
    expect(read.pages.length).toBeGreaterThan(2);
    expect(read.text).toContain("7f9c2ad4-1111-4222-8333-444455556666");
    expect(read.text).toContain("customer-ä-1");
    expect(read.text).toContain("review below 70, decline below 50");
    expect(read.text).toContain("face-reid-0095@f521a035c4a0");
    expect(read.text).toContain("Comment for the customer: Please contact support");
    expect(read.text).toContain("Status In Review -> Declined 119");
    read.pages.forEach((page, i) => expect(page).toContain(`generated 2026-12-06 11:00:00 UTC by auditor@example.test · page ${i + 1} of ${read.pages.length}`));
  });

  it("keeps text inside what the standard fonts can draw and bounds each line", () => {
    expect(pdfText("a → b — c … 日本")).toBe("a -> b - c ... ??");
    expect(pdfText("x".repeat(5000)).length).toBeLessThan(700);
  });
});
