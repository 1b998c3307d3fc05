// A counting semaphore shared fairly between tenants (applications), without a long queue:
// - at most `capacity` slots in all, and at most `tenantMax` for one tenant, ever;
// - a tenant may use spare slots beyond its `share` only while no other tenant is waiting, so a
//   single busy application still gets the whole capacity when it is alone;
// - a tenant below its share that finds every slot taken waits up to `waitMs` and is served, in
//   arrival order, before anyone above their share takes a slot again; a tenant at or above its
//   share (or any request when `waitMs` is 0) is refused at once: load shedding, not queueing.
// Pure bookkeeping (no I/O), so the policy is unit-tested directly.
export type FairSlotsOptions = { capacity: number; share: number; tenantMax?: number; waitMs?: number };
export type ReleaseSlot = () => void;
export type FairSlots = {
  /** A slot for `tenant`, or null when refused (the caller answers 503). Call the release exactly once. */
  acquire: (tenant: string) => Promise<ReleaseSlot | null>;
  held: (tenant?: string) => number;
  waiting: () => number;
};

type Waiter = { tenant: string; grant: (release: ReleaseSlot | null) => void; timer?: NodeJS.Timeout };

export function createFairSlots(options: FairSlotsOptions): FairSlots {
  const capacity = Math.max(1, options.capacity);
  const tenantMax = Math.max(1, Math.min(options.tenantMax ?? capacity, capacity));
  const share = Math.max(1, Math.min(options.share, tenantMax));
  const waitMs = options.waitMs ?? 0;
  const heldBy = new Map<string, number>();
  const queue: Waiter[] = [];
  let total = 0;

  const held = (tenant: string) => heldBy.get(tenant) ?? 0;
  const othersWaiting = (tenant: string) => queue.some((w) => w.tenant !== tenant);
  const canTake = (tenant: string) => total < capacity && held(tenant) < tenantMax && (held(tenant) < share || !othersWaiting(tenant));

  const take = (tenant: string): ReleaseSlot => {
    total++;
    heldBy.set(tenant, held(tenant) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      total--;
      const left = held(tenant) - 1;
      if (left > 0) heldBy.set(tenant, left);
      else heldBy.delete(tenant);
      serveWaiting();
    };
  };

  // a freed slot goes to the longest-waiting request whose tenant may take one now (below its share,
  // or the only tenant still waiting)
  const serveWaiting = () => {
    for (let i = 0; i < queue.length && total < capacity; ) {
      const waiter = queue[i];
      if (!canTake(waiter.tenant)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      clearTimeout(waiter.timer);
      waiter.grant(take(waiter.tenant));
    }
  };

  const acquire = (tenant: string): Promise<ReleaseSlot | null> => {
    if (canTake(tenant)) return Promise.resolve(take(tenant));
    if (waitMs <= 0 || held(tenant) >= share || queue.length >= capacity) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = { tenant, grant: resolve };
      waiter.timer = setTimeout(() => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        resolve(null);
      }, waitMs);
      queue.push(waiter);
    });
  };

  return { acquire, held: (tenant) => (tenant === undefined ? total : held(tenant)), waiting: () => queue.length };
}
