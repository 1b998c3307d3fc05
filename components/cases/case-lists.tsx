"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CaseEvidence } from "@/lib/console/get-case-evidence";

type FaceList = { id: string; name: string; kind: string };

// The lists this case's face is on, and "Add this face to a list" (reviewers and admins).
export function CaseLists({ sessionId, lists, canAct, hasSelfie }: { sessionId: string; lists: CaseEvidence["lists"]; canAct: boolean; hasSelfie: boolean }) {
  const queryClient = useQueryClient();
  const [listId, setListId] = useState("");
  const all = useQuery({ queryKey: ["face-lists"], queryFn: () => fetchJson<{ data: FaceList[] }>("/api/console/lists"), enabled: canAct && hasSelfie });
  const add = useMutation({
    mutationFn: () => fetchJson(`/api/console/sessions/${sessionId}/lists`, { method: "POST", json: { listId } }),
    onSuccess: () => {
      setListId("");
      void queryClient.invalidateQueries({ queryKey: ["case-evidence", sessionId] });
      void queryClient.invalidateQueries({ queryKey: ["face-lists"] });
    },
  });
  const options = (all.data?.data ?? []).filter((l) => !lists.some((on) => on.id === l.id));
  return (
    <div data-testid="case-lists">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Face lists</h3>
      <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
        {lists.length === 0 ? "This face is on no list." : "On "}
        {lists.map((l) => (
          <Link key={l.entryId} href={`/lists/${l.id}`}>
            <Badge tone={l.kind === "blocklist" ? "red" : "green"}>{l.name}</Badge>
          </Link>
        ))}
      </p>
      {canAct && hasSelfie ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (listId) add.mutate();
          }}
        >
          <select aria-label="List to add this face to" value={listId} onChange={(e) => setListId(e.target.value)} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
            <option value="">Choose a list…</option>
            {options.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.kind})
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={!listId || add.isPending}>
            Add this face to the list
          </Button>
          {add.error ? <span role="alert" className="text-sm text-red-700">{add.error.message}</span> : null}
        </form>
      ) : null}
    </div>
  );
}
