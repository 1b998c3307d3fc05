"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";

// Adds a reviewer note to the session; the page re-renders with it in the timeline.
export function CommentForm({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await fetchJson(`/api/console/sessions/${sessionId}/comments`, { method: "POST", json: { comment } });
          setComment("");
          router.refresh();
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="session-comment" className="sr-only">
        Comment
      </label>
      <textarea id="session-comment" rows={2} required value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Add a note for other reviewers… (@email mentions a console user)" className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <Button type="submit" variant="secondary" disabled={busy || !comment.trim()}>
        Add comment
      </Button>
    </form>
  );
}
