import { decryptEmbedding } from "@/lib/crypto/encryption";
import { getDb } from "@/lib/db";
import type { FaceIndex } from "./face-index";
import { getFaceIndex } from "./get-face-index";
import type { FaceIndexInput } from "./types";

// The in-memory index mirrors the application's enrolled templates. Before each use one cheap
// aggregate (count, newest) tells whether the database moved on, e.g. through another instance: new
// rows are added incrementally, anything else (a deletion) rebuilds the index from the database.
type SyncState = { count: number; newest: number };
const STATE_KEY = Symbol.for("faceid.search.syncState");
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: Map<string, SyncState> };
const states: Map<string, SyncState> = (holder[STATE_KEY] ??= new Map());
const inflight = new Map<string, Promise<FaceIndex>>();

// candidates (selfies no decision has enrolled yet) are never searched
const SEARCHABLE = { source: { not: "candidate" } };
const sourceKind = { session: "session", reauth: "reauth", portrait: "reauth", list: "list" } as const;

async function loadRows(applicationId: string, modelId: string, after?: Date): Promise<FaceIndexInput[]> {
  const rows = await getDb().faceTemplate.findMany({
    where: { applicationId, modelId, ...SEARCHABLE, ...(after ? { createdAt: { gt: after } } : {}) },
    include: { listEntries: { take: 1, include: { list: { select: { id: true, kind: true } } } } },
  });
  return rows.map((row) => {
    const list = row.listEntries[0]?.list;
    return {
      id: row.id,
      kind: sourceKind[row.source as keyof typeof sourceKind] ?? "session",
      refId: row.sessionId ?? row.listEntries[0]?.id ?? undefined,
      vendorData: row.vendorData,
      listId: list?.id,
      listKind: list ? (list.kind as "blocklist" | "allowlist") : undefined,
      embedding: decryptEmbedding(row.embedding, `template:${row.id}`),
    };
  });
}

async function sync(applicationId: string, modelId: string, key: string): Promise<FaceIndex> {
  const index = getFaceIndex(applicationId, modelId);
  const agg = await getDb().faceTemplate.aggregate({ where: { applicationId, modelId, ...SEARCHABLE }, _count: { _all: true }, _max: { createdAt: true } });
  const now: SyncState = { count: agg._count._all, newest: agg._max.createdAt?.getTime() ?? 0 };
  const known = states.get(key);
  if (known && known.count === now.count && known.newest === now.newest) return index;
  if (known && now.count > known.count && now.newest > known.newest) {
    const added = await loadRows(applicationId, modelId, new Date(known.newest));
    if (known.count + added.length === now.count) {
      index.add(added);
      states.set(key, now);
      return index;
    }
  }
  const all = await loadRows(applicationId, modelId);
  index.removeWhere(() => true);
  index.add(all);
  states.set(key, now);
  return index;
}

// `fresh`: a sync already running may have read the database before the change being signalled
// (follow-face-template-changes.ts), so one more starts after it rather than joining it. Signals that
// arrive meanwhile join that queued sync: a burst of changes costs at most two syncs, not one each.
const queued = new Map<string, Promise<FaceIndex>>();

export async function getSyncedFaceIndex(applicationId: string, modelId: string, options: { fresh?: boolean } = {}): Promise<FaceIndex> {
  const key = JSON.stringify([applicationId, modelId]);
  const running = inflight.get(key);
  if (running && !options.fresh) return running;
  if (running && queued.has(key)) return queued.get(key)!;
  const start = () => {
    queued.delete(key);
    const promise = sync(applicationId, modelId, key).finally(() => {
      if (inflight.get(key) === promise) inflight.delete(key);
    });
    inflight.set(key, promise);
    return promise;
  };
  if (!running) return start();
  const next = running.catch(() => undefined).then(start);
  queued.set(key, next);
  return next;
}
