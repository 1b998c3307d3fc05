import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFairSlots, type ReleaseSlot } from "./fair-slots";

const all = async (n: number, take: () => Promise<ReleaseSlot | null>) => Promise.all(Array.from({ length: n }, take));

describe("createFairSlots", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives a tenant that is alone the whole capacity, then sheds", async () => {
    const slots = createFairSlots({ capacity: 4, share: 2, waitMs: 1000 });
    const got = await all(4, () => slots.acquire("a"));
    expect(got.every(Boolean)).toBe(true);
    // a tenant at or above its share is refused at once, not queued
    expect(await slots.acquire("a")).toBeNull();
    expect(slots.held()).toBe(4);
    got[0]!();
    got[0]!(); // a second release of the same slot changes nothing
    expect(slots.held("a")).toBe(3);
  });

  it("lets a tenant below its share wait for the next free slot, ahead of the busy tenant", async () => {
    const slots = createFairSlots({ capacity: 4, share: 2, waitMs: 1000 });
    const a = await all(4, () => slots.acquire("a"));
    const b = slots.acquire("b");
    expect(slots.waiting()).toBe(1);
    // while b waits, a cannot take a freed slot beyond its share
    a[0]!();
    const releaseB = await b;
    expect(releaseB).toBeTypeOf("function");
    expect(slots.held("b")).toBe(1);
    expect(await slots.acquire("a")).toBeNull();
    // b is alone again once served: a may use spare capacity
    releaseB!();
    expect(await slots.acquire("a")).toBeTypeOf("function");
  });

  it("serves waiting tenants in arrival order, bounds the waiting room and sheds those that waited too long", async () => {
    const slots = createFairSlots({ capacity: 2, share: 1, waitMs: 500 });
    const a = await all(2, () => slots.acquire("a"));
    const order: string[] = [];
    const b = slots.acquire("b").then((r) => (order.push(r ? "b" : "b shed"), r));
    const c = slots.acquire("c").then((r) => (order.push(r ? "c" : "c shed"), r));
    // the waiting room holds `capacity` requests
    expect(await slots.acquire("d")).toBeNull();
    a[0]!();
    expect(await b).toBeTypeOf("function");
    await vi.advanceTimersByTimeAsync(600);
    expect(await c).toBeNull();
    expect(order).toEqual(["b", "c shed"]);
    expect(slots.waiting()).toBe(0);
    expect(slots.held()).toBe(2);
  });

  it("gives a free slot to a tenant's second waiting request once no other tenant waits", async () => {
    const slots = createFairSlots({ capacity: 2, share: 1, waitMs: 1000 });
    const a = await all(2, () => slots.acquire("a"));
    const b1 = slots.acquire("b");
    const b2 = slots.acquire("b");
    a[0]!();
    expect(await b1).toBeTypeOf("function");
    // b is at its share, but nobody else waits: the next free slot is b's too, not left idle
    a[1]!();
    expect(await b2).toBeTypeOf("function");
    expect(slots.held("b")).toBe(2);
    expect(slots.waiting()).toBe(0);
  });

  it("never gives one tenant more than tenantMax, even when alone", async () => {
    const slots = createFairSlots({ capacity: 6, share: 3, tenantMax: 3 });
    const a = await all(4, () => slots.acquire("a"));
    expect(a.filter(Boolean)).toHaveLength(3);
    expect(await slots.acquire("b")).toBeTypeOf("function");
  });

  it("with waitMs 0 refuses at once when full", async () => {
    const slots = createFairSlots({ capacity: 1, share: 1 });
    expect(await slots.acquire("a")).toBeTypeOf("function");
    expect(await slots.acquire("b")).toBeNull();
  });
});
