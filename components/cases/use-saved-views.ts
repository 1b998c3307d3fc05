"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";

export type SavedView = { id: string; name: string; query: string; shared: boolean; mine: boolean; owner: { id: string; email: string } };
const KEY = ["review-views"];

// Saved queue views: mine and those the team shares.
export function useSavedViews() {
  const client = useQueryClient();
  const views = useQuery({ queryKey: KEY, queryFn: () => fetchJson<{ views: SavedView[] }>("/api/console/review/views") });
  const settle = () => client.invalidateQueries({ queryKey: KEY });
  const save = useMutation({ mutationFn: (v: { name: string; query: string; shared: boolean }) => fetchJson<SavedView>("/api/console/review/views", { method: "POST", json: v }), onSettled: settle });
  const remove = useMutation({ mutationFn: (id: string) => fetchJson(`/api/console/review/views/${id}`, { method: "DELETE" }), onSettled: settle });
  return { views: views.data?.views ?? [], save, remove };
}
