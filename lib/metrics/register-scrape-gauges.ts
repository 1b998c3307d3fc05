import { Gauge, type Registry } from "prom-client";
import { getAdmissionGates } from "@/lib/api/get-admission-gates";
import { getDb, getDbPool } from "@/lib/db";
import { listFaceIndexes } from "@/lib/search/get-face-index";
import { getInferenceStats } from "@/lib/vision/inference-stats";

// Gauges read when Prometheus scrapes, from the state the app keeps anyway: nothing is counted twice.
export function registerScrapeGauges(registry: Registry): void {
  const registers = [registry];
  new Gauge({
    name: "faceid_admission_slots_in_use",
    help: "Admission slots held (checks: face checks running; uploads: check bodies being received)",
    labelNames: ["gate"],
    registers,
    collect() {
      const gates = getAdmissionGates();
      this.set({ gate: "checks" }, gates.checks.held());
      this.set({ gate: "uploads" }, gates.uploads.held());
    },
  });
  new Gauge({
    name: "faceid_admission_waiting",
    help: "Face checks waiting for a slot (the queue in front of inference)",
    labelNames: ["gate"],
    registers,
    collect() {
      this.set({ gate: "checks" }, getAdmissionGates().checks.waiting());
    },
  });
  new Gauge({
    name: "faceid_inference_jobs_pending",
    help: "Inference jobs handed to the workers and not yet answered (running or queued in a worker)",
    registers,
    collect() {
      this.set(getInferenceStats().pending());
    },
  });
  new Gauge({
    name: "faceid_face_index_entries",
    help: "Face templates held in this process's in-memory search indexes",
    registers,
    collect() {
      this.set(listFaceIndexes().reduce((n, held) => n + held.index.size, 0));
    },
  });
  new Gauge({
    name: "faceid_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting: requests queued for a connection); absent on SQLite",
    labelNames: ["state"],
    registers,
    collect() {
      const pool = getDbPool();
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  // one indexed query per scrape (status, nextAttemptAt): the outbox shared by every instance
  const backlog = { count: 0, oldest: 0 };
  new Gauge({
    name: "faceid_webhook_backlog",
    help: "Webhook deliveries pending (queued or waiting for a retry), across all instances",
    registers,
    async collect() {
      const pending = await getDb().webhookDelivery.aggregate({ where: { status: "pending" }, _count: { _all: true }, _min: { createdAt: true } });
      backlog.count = pending._count._all;
      backlog.oldest = pending._min.createdAt ? (Date.now() - pending._min.createdAt.getTime()) / 1000 : 0;
      this.set(backlog.count);
    },
  });
  new Gauge({
    name: "faceid_webhook_oldest_pending_seconds",
    help: "Age of the oldest pending webhook delivery (0 when none)",
    registers,
    collect() {
      this.set(backlog.oldest);
    },
  });
}
