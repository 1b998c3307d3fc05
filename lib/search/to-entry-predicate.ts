import type { FaceEntryPredicate, FaceIndexFilter } from "./types";

function oneOf<T>(allowed: T | readonly T[] | undefined, value: T | undefined): boolean {
  if (allowed === undefined) return true;
  return Array.isArray(allowed) ? (allowed as readonly T[]).includes(value as T) : allowed === value;
}

/** Turns a search filter into one predicate; `undefined` means "every entry", so search can skip the call. */
export function toEntryPredicate(filter: FaceIndexFilter | undefined): FaceEntryPredicate | undefined {
  if (filter === undefined || typeof filter === "function") return filter;
  const { kind, listId, listKind, vendorData } = filter;
  return (entry) =>
    oneOf(kind, entry.kind) &&
    oneOf(listId, entry.listId) &&
    oneOf(listKind, entry.listKind) &&
    (vendorData === undefined || entry.vendorData === vendorData);
}
