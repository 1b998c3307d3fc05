// Console pages at volume: starts the production server (startTestServer, SQLite by default), seeds
// 100,000 sessions with check results, reviews and audit entries straight into its database, signs in
// as admin and times the server render of the main console pages (full HTML, after one warm-up).
// Needs a production build first (`npm run build`, or NEXT_DIST_DIR=<dir> for another dist dir).
// Usage: npm run bench:console [-- --postgres --sessions=100000 --days=90 --vendors=3000 --runs=5]
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { loginConsole } from "../../e2e/support/console-login";
import { startTestServer } from "../../e2e/support/test-server";
import { seedConsoleVolume } from "../seed/console-volume";

function readArg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const provider = process.argv.includes("--postgres") ? "postgresql" : "sqlite";
const sessions = Number(readArg("sessions", "100000"));
const days = Number(readArg("days", "90"));
const vendors = Number(readArg("vendors", "3000"));
const runs = Number(readArg("runs", "5"));
const SLOW_MS = 500;
const admin = { email: "bench-admin@example.test", password: "bench-password-1" };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  console.log(`console pages benchmark: ${provider}, ${sessions.toLocaleString("en")} sessions over ${days} days, ${vendors} vendor_data values, ${runs} runs per page`);
  const server = await startTestServer({ provider, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  const db =
    provider === "postgresql"
      ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: server.databaseUrl }) }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: server.databaseUrl.replace(/^file:/, "") }) });
  try {
    const app = await db.application.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!app) throw new Error("the server created no application");

    console.log("seeding…");
    const seeded = await seedConsoleVolume(db, app.id, { sessions, days, vendors, log: (line) => process.stdout.write(`\r${line}`) });
    process.stdout.write("\n");
    console.log(
      `seeded ${seeded.sessions.toLocaleString("en")} sessions, ${seeded.checks.toLocaleString("en")} check results, ${seeded.events.toLocaleString("en")} events, ${seeded.reviews.toLocaleString("en")} reviews, ${seeded.audit.toLocaleString("en")} audit entries in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    // the keep-alive connection fetch pooled while waiting for the server was closed by it during the
    // seeding; the first request on it fails, later ones open fresh connections
    for (let i = 0; i < 3; i++) if (await fetch(`${server.url}/readyz`).then((r) => r.ok, () => false)) break;
    const cookie = await loginConsole(server.url, admin.email, admin.password);
    if (!cookie) throw new Error(`could not sign in:\n${server.output()}`);
    if (provider === "postgresql") await db.$executeRawUnsafe("ANALYZE");
    else await db.$executeRawUnsafe("PRAGMA optimize");

    const pages: [string, string][] = [
      ["/overview", "/overview"],
      ["/sessions", "/sessions"],
      ["/sessions (In Review)", "/sessions?status=In%20Review"],
      ["/sessions (vendor_data)", `/sessions?vendor_data=${encodeURIComponent(seeded.sampleVendorData)}`],
      ["/sessions (score range)", "/sessions?fm_min=50&fm_max=60"],
      ["/sessions/{id}", `/sessions/${seeded.sampleSessionId}`],
      ["/review", "/review"],
      ["/api/console/review/queue", "/api/console/review/queue"],
      ["/api/console/review/queue (filtered)", "/api/console/review/queue?assignee=unassigned&reason=LOW_FACE_MATCH_SIMILARITY&age=24h"],
      ["/api/console/review/queue (page 2)", "/api/console/review/queue?page=2"],
      ["/tuning", "/tuning"],
      ["/users", "/users"],
      ["/users/{vendor_data}", `/users/${encodeURIComponent(seeded.sampleVendorData)}`],
      ["/audit", "/audit"],
    ];
    const rows: { page: string; status: number; kb: number; median: number; p95: number; max: number }[] = [];
    for (const [label, path] of pages) {
      const fetchOnce = async () => {
        const started = performance.now();
        const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
        const body = await res.text();
        return { ms: performance.now() - started, status: res.status, bytes: body.length };
      };
      process.stdout.write(`  ${label}…\n`);
      const warm = await fetchOnce();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await fetchOnce()).ms);
      times.sort((a, b) => a - b);
      rows.push({ page: label, status: warm.status, kb: Math.round(warm.bytes / 1024), median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! });
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (v: number, n: number) => v.toFixed(0).padStart(n);
    console.log(`\n${pad("page", 28)}${"status".padStart(7)}${"KiB".padStart(7)}${"median ms".padStart(11)}${"p95 ms".padStart(9)}${"max ms".padStart(9)}`);
    for (const r of rows) console.log(`${pad(r.page, 28)}${String(r.status).padStart(7)}${num(r.kb, 7)}${num(r.median, 11)}${num(r.p95, 9)}${num(r.max, 9)}${r.median > SLOW_MS ? "  << slow" : ""}`);
    const failed = rows.filter((r) => r.status !== 200);
    if (failed.length) {
      console.error(`\npages that did not answer 200: ${failed.map((r) => `${r.page} (${r.status})`).join(", ")}`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`server output (last 4000 characters):\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
