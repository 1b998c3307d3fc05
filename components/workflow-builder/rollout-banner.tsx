"use client";

import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";

type Props = { workflowId: string; rollout: { version: number; percent: number }; liveVersion: number | null; readOnly: boolean; onDone: (text: string) => void; onError: (e: Error) => void };

// Shown while a version runs for part of the new sessions: promote it to all, or roll back (the live
// version takes every new session again; sessions already started keep their version).
export function RolloutBanner({ workflowId, rollout, liveVersion, readOnly, onDone, onError }: Props) {
  const end = useMutation({
    mutationFn: (action: "promote" | "rollback") => fetchJson(`/api/console/workflows/${workflowId}/rollout`, { method: "POST", json: { action } }),
    onSuccess: (_r, action) => onDone(action === "promote" ? `Version ${rollout.version} is live for every new session.` : `Rolled back: version ${liveVersion} runs every new session again.`),
    onError,
  });
  return (
    <div role="status" data-testid="rollout-banner" className="flex flex-wrap items-center justify-between gap-2 bg-violet-50 px-4 py-1.5 text-sm text-violet-900">
      <span>
        Rolling out version {rollout.version} to {rollout.percent}% of new sessions; version {liveVersion} runs the rest.
      </span>
      {!readOnly ? (
        <span className="flex gap-2">
          <Button variant="secondary" className="py-1" disabled={end.isPending} onClick={() => end.mutate("promote")}>Promote to 100%</Button>
          <Button variant="danger" className="py-1" disabled={end.isPending} onClick={() => end.mutate("rollback")}>Roll back</Button>
        </span>
      ) : null}
    </div>
  );
}
