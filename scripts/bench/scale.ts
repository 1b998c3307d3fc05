// npm run bench:scale — the same server behind the round-robin proxy of the multi-instance test, with
// one and with three instances on one PostgreSQL and one Redis: throughput, latency and server CPU per
// request of face match and of session creation; then, with three, one instance killed with SIGKILL in
// the middle of captures and webhook deliveries, and how long until the others had finished its work.
// Every process (instances, proxy, load generator, PostgreSQL, Redis) shares this machine's cores.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { faceMatch, runSessionFlow, type Retry } from "../../e2e/support/scale-load";
import { api, workflowIdByLabel, type Api } from "../../e2e/support/sessions";
import { startCluster, type Cluster } from "../../e2e/support/start-cluster";
import { openTestDb } from "../../e2e/support/tenants";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 15);
const concurrency = arg("concurrency", 6);
const KEY = "scale-bench-key-0123456789abcdefgh";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

// a process and everything it started (next start may run its server in a child)
function processTree(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number));
    }
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

// CPU time (user + system, all threads) of the instances' processes, in ms
function clusterCpuMs(cluster: Cluster): number {
  let ms = 0;
  for (const pid of cluster.instances.flatMap((s) => processTree(s.pid))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ms += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // exited meanwhile
    }
  }
  return ms;
}

// peak resident memory of each instance (its process tree), in MB
function peakRssMb(cluster: Cluster): number[] {
  return cluster.instances.map((s) =>
    Math.round(
      processTree(s.pid).reduce((sum, pid) => {
        try {
          return sum + Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
        } catch {
          return sum;
        }
      }, 0),
    ),
  );
}

async function measure(cluster: Cluster, what: string, call: () => Promise<{ status: number; ms: number }>, phaseSeconds = seconds) {
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const cpu0 = clusterCpuMs(cluster);
  const t0 = performance.now();
  const until = t0 + phaseSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const { status, ms } = await call();
        if (status < 300) latencies.push(ms);
        else failures.set(status, (failures.get(status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = clusterCpuMs(cluster) - cpu0;
  const row = {
    instances: cluster.instances.length,
    what,
    "req/s": (latencies.length / elapsed).toFixed(1),
    "p50 ms": Math.round(pct(latencies, 50)),
    "p99 ms": Math.round(pct(latencies, 99)),
    "server CPU ms/req": Math.round(cpu / Math.max(1, latencies.length)),
    "instances' CPU use": `${(cpu / 10 / elapsed).toFixed(0)} %`,
    failed: [...failures].map(([s, n]) => `${n}x${s}`).join(" ") || "none",
  };
  console.log(row);
  return row;
}

async function throughput(size: number) {
  const cluster = await startCluster({ size, env: { SEED_API_KEY: KEY, RATE_LIMIT_PER_MINUTE: "1000000" } });
  try {
    const through: Api = { url: cluster.proxy.url, key: KEY };
    const workflowId = await workflowIdByLabel(through, "Liveness only");
    let n = 0;
    const createSession = async () => {
      const t0 = performance.now();
      const res = await api(through, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: `bench-${size}-${n++}` });
      return { status: res.status, ms: performance.now() - t0 };
    };
    await measure(cluster, "warm-up", () => faceMatch(through), 5);
    const rows = [await measure(cluster, "face match", () => faceMatch(through)), await measure(cluster, "session creation", createSession)];
    console.log(`peak RSS per instance: ${peakRssMb(cluster).join(", ")} MB`);
    return rows;
  } finally {
    await cluster.stop();
  }
}

// Three instances, captures and status changes under way, a slow webhook receiver; one instance is
// killed with SIGKILL while it checks a capture and holds deliveries. Its held deliveries wait for their
// lease (WEBHOOK_LEASE_MS); the proxy answers its capture 502 and the phone sends it again elsewhere.
async function pickup() {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => setTimeout(() => res.writeHead(200).end(), 1000));
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const cluster = await startCluster({ size: 3, env: { SEED_API_KEY: KEY, RATE_LIMIT_PER_MINUTE: "1000000" } });
  const db = openTestDb("postgresql", cluster.databaseUrl);
  try {
    const through: Api = { url: cluster.proxy.url, key: KEY };
    await api(through, "POST", "/v3/webhook/destinations/", { label: "bench", url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, subscribed_events: ["status.updated"] });
    const workflowId = await workflowIdByLabel(through, "Liveness only");
    let stopping = false;
    const captures: { retried: boolean; endedAt: number }[] = [];
    const flowLoop = async (worker: number, capture: boolean) => {
      for (let i = 0; !stopping; i++) {
        const retried: Retry[] = [];
        const outcome = await runSessionFlow({ a: through, workflowId, vendorData: `flow-${worker}-${i}`, capture, retried });
        if (outcome.errors.length) console.log("session flow failed:", outcome.errors);
        if (capture) captures.push({ retried: retried.some((r) => r.what === "capture"), endedAt: Date.now() });
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4].map((w) => flowLoop(w, w < 3)));
    await sleep(4000);
    // the moment to pull the plug: the victim is checking a capture and holds deliveries
    const victim = processTree(cluster.instances[1].pid);
    const heldByVictim = async () =>
      (await db.webhookDelivery.findMany({ where: { status: "pending", lockedUntil: { gt: new Date() } }, select: { id: true, lockedBy: true } })).filter((d) => victim.some((pid) => d.lockedBy?.includes(`:${pid}:`))).map((d) => d.id);
    const waitUntil = Date.now() + 30_000;
    while (Date.now() < waitUntil && !(cluster.proxy.inFlight().some((r) => r.backend === 1 && r.path.endsWith("/frames")) && (await heldByVictim()).length)) await sleep(20);
    const held = await heldByVictim();
    const killedAt = Date.now();
    await cluster.kill(1);
    await sleep(2000);
    await cluster.restart(1);
    await sleep(3000);
    stopping = true;
    await load;
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(500)) {
      if ((await db.webhookDelivery.count({ where: { id: { in: held }, deliveredAt: null } })) === 0) break;
    }
    const delivered = await db.webhookDelivery.findMany({ where: { id: { in: held } }, select: { deliveredAt: true } });
    const after = (t: number | undefined) => (t ? `${((t - killedAt) / 1000).toFixed(1)} s` : "never");
    const interrupted = captures.filter((c) => c.retried);
    console.log({
      "webhook deliveries held by the killed instance": held.length,
      "first / last delivered after the kill": `${after(Math.min(...delivered.map((d) => d.deliveredAt?.getTime() ?? Infinity)))} / ${after(Math.max(...delivered.map((d) => d.deliveredAt?.getTime() ?? NaN)) || undefined)}`,
      "captures in flight at the kill": interrupted.length,
      "their decision after the kill": interrupted.map((c) => after(c.endedAt)).join(", ") || "-",
    });
  } finally {
    await db.$disconnect();
    await cluster.stop();
    receiver.closeAllConnections();
    receiver.close();
  }
}

console.log(`load: ${concurrency} concurrent clients, ${seconds} s a phase; machine load before the run: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
const rows = [...(await throughput(1)), ...(await throughput(3))];
console.table(rows);
await pickup();
console.log(`machine load after the run: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
