"use client";

import { useSearchParams } from "next/navigation";
import { filterKeys } from "@/lib/review/queue-filters";

// The queue's state lives in the address: filters, page and the open case (/review?assignee=me&case=…).
// Changes go through the History API, which Next keeps in sync with useSearchParams without a server
// round trip: filters and pages push an entry (Back undoes them), moving between cases replaces it.
export function useQueueUrl() {
  const params = useSearchParams();
  const filters = Object.fromEntries(filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))) as Record<string, string>;
  return { filters, filterQuery: new URLSearchParams(filters).toString(), page: Math.max(1, Number(params.get("page")) || 1), caseId: params.get("case") };
}

const current = () => new URLSearchParams(window.location.search);

function write(mode: "push" | "replace", q: URLSearchParams) {
  const url = q.size ? `${window.location.pathname}?${q}` : window.location.pathname;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// New filters (a saved view's query string, or changes to some keys) start again at page 1.
export function setQueueFilters(next: string | Record<string, string | null>) {
  const q = typeof next === "string" ? new URLSearchParams(next) : current();
  if (typeof next !== "string") {
    for (const [k, v] of Object.entries(next)) {
      if (v) q.set(k, v);
      else q.delete(k);
    }
  }
  q.delete("page");
  q.delete("case");
  write("push", q);
}

export function setQueuePage(page: number) {
  const q = current();
  if (page > 1) q.set("page", String(page));
  else q.delete("page");
  q.delete("case");
  write("push", q);
}

export function setQueueCase(id: string | null) {
  const q = current();
  if (id) q.set("case", id);
  else q.delete("case");
  if (q.toString() !== current().toString()) write("replace", q);
}
