import PDFDocument from "pdfkit";
import type { SessionReport } from "@/lib/reports/get-session-report";

const MARGIN = 50;
const GREY = "#555555";
const MAX_LINE = 600;

// The standard PDF fonts speak WinAnsi: arrows and dashes get ASCII stand-ins, anything else outside
// Latin-1 a "?", so nothing renders as garbage.
export function pdfText(value: string): string {
  const s = value.replaceAll("→", "->").replace(/[–—]/g, "-").replaceAll("…", "...").replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  const clean = s.replace(/[^\x20-\x7e\xa0-\xff\n]/g, "?");
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}...` : clean;
}

export const pdfTime = (d: Date | string | null) => (d ? `${new Date(d).toISOString().replace("T", " ").slice(0, 19)} UTC` : "-");

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("black").text(text).moveDown(0.3);
}

function field(doc: PDFKit.PDFDocument, label: string, value: string) {
  doc.font("Helvetica-Bold").fontSize(9.5).fillColor(GREY).text(`${label}: `, { continued: true }).font("Helvetica").fillColor("black").text(pdfText(value));
}

function entry(doc: PDFKit.PDFDocument, title: string, lines: string[], meta?: string) {
  if (doc.y > doc.page.height - MARGIN - 50) doc.addPage();
  if (meta) doc.font("Helvetica").fontSize(8.5).fillColor(GREY).text(pdfText(meta));
  doc.font("Helvetica-Bold").fontSize(10).fillColor("black").text(pdfText(title));
  for (const line of lines) doc.font("Helvetica").fontSize(9).fillColor("#222222").text(pdfText(line), { indent: 12 });
  doc.moveDown(0.4);
}

function images(doc: PDFKit.PDFDocument, report: SessionReport) {
  if (report.images.length === 0) {
    doc.font("Helvetica").fontSize(9.5).text("No images are stored for this session (none captured, or removed by the retention policy).");
    return;
  }
  const width = (doc.page.width - 2 * MARGIN - 20) / 2;
  const height = 190;
  report.images.forEach((img, i) => {
    const column = i % 2;
    if (column === 0 && doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
    const top = column === 0 ? doc.y : doc.y - height - 22;
    const x = MARGIN + column * (width + 20);
    doc.image(img.jpeg, x, top, { fit: [width, height], align: "center", valign: "center" });
    doc.font("Helvetica").fontSize(8.5).fillColor(GREY).text(pdfText(img.label), x, top + height + 4, { width, align: "center" });
    doc.x = MARGIN;
    doc.y = top + height + 22;
  });
}

// The case as a regulator reads it, A4, page numbers and who exported it when on every page.
export function renderSessionPdf(report: SessionReport, input: { exportedBy: string; generatedAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: `Verification session #${report.sessionNumber}`, Author: pdfText(report.application), Subject: report.id, Creator: "faceid console" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(18).text(`Verification session #${report.sessionNumber}`);
  doc.font("Helvetica").fontSize(10).fillColor(GREY).text(pdfText(report.application)).moveDown(0.6);
  field(doc, "Session id", report.id);
  field(doc, "vendor_data", report.vendorData ?? "-");
  field(doc, "Workflow", `${report.workflow} (${report.workflowType})`);
  field(doc, "Status", report.status);
  field(doc, "Created", pdfTime(report.createdAt));
  field(doc, "Capture started", pdfTime(report.startedAt));
  field(doc, "Decided", pdfTime(report.decidedAt));
  if (report.assignedTo) field(doc, "Assigned to", report.assignedTo);

  heading(doc, "Images");
  images(doc, report);
  heading(doc, "Checks");
  if (report.checks.length === 0) doc.font("Helvetica").fontSize(9.5).text("No checks have run.");
  for (const c of report.checks) entry(doc, `${c.title} (attempt ${c.attempt})`, c.lines, pdfTime(c.createdAt));
  heading(doc, "Models");
  for (const m of report.models) entry(doc, m.role, [`${m.model} (${m.note})`]);
  heading(doc, "Decisions");
  if (report.decisions.length === 0) doc.font("Helvetica").fontSize(9.5).text("No manual decision has been recorded.");
  for (const d of report.decisions) entry(doc, `${d.title} by ${d.by}`, d.lines, pdfTime(d.at));
  heading(doc, "Timeline");
  for (const e of report.timeline) entry(doc, `${e.title}${e.actor ? ` - by ${e.actor}` : ""}`, e.lines, `${pdfTime(e.at)} · ${e.kind}`);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = `Session #${report.sessionNumber} · ${report.id} · generated ${pdfTime(input.generatedAt)} by ${input.exportedBy} · page ${i + 1} of ${range.count}`;
    doc.font("Helvetica").fontSize(7.5).fillColor(GREY).text(pdfText(footer), MARGIN, doc.page.height - 30, { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
