"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";

// The settings cards each read the part of the console's application they edit, from one cached copy
// (GET /api/console/application); a save PATCHes its part and the answer, the whole application,
// replaces that copy, so every card shows what is now stored.
export function useApplicationSettings<T, Patch = Partial<T>>() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ["application"], queryFn: () => fetchJson<T>("/api/console/application") });
  const save = useMutation({
    mutationFn: (json: Patch) => fetchJson<T>("/api/console/application", { method: "PATCH", json }),
    onSuccess: (data) => client.setQueryData(["application"], data),
  });
  return { settings, save };
}
