"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CaseLists } from "@/components/cases/case-lists";
import { ImageCompare } from "@/components/cases/image-compare";
import { MatchedFaces } from "@/components/cases/matched-faces";
import { fetchJson } from "@/components/console/fetch-json";
import type { CaseEvidence as Evidence } from "@/lib/console/get-case-evidence";

// The evidence of one case: selfie (or any attempt's image) next to the reference (or a matched face),
// the faces its warnings matched, and its face lists. Mount with key = session id so each case starts
// from a fresh view.
export function CaseEvidence({ sessionId, canAct }: { sessionId: string; canAct: boolean }) {
  const evidence = useQuery({ queryKey: ["case-evidence", sessionId], queryFn: () => fetchJson<Evidence>(`/api/console/sessions/${sessionId}/evidence`) });
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [matchId, setMatchId] = useState<string | null>(null);
  const e = evidence.data;
  if (evidence.error) return <p role="alert" className="text-sm text-red-700">{evidence.error.message}</p>;
  if (!e) return <div className="aspect-[8/5] animate-pulse motion-reduce:animate-none rounded-lg bg-slate-100" aria-label="Loading the images" />;

  const attempt = e.attempts.find((a) => a.mediaId === attemptId);
  const match = e.matches.find((m) => m.image?.mediaId === matchId);
  const left = attempt
    ? { label: `Attempt ${attempt.attempt} (${attempt.feature.toLowerCase().replace("_", " ")}: ${attempt.status})`, url: attempt.url, mediaId: attempt.mediaId }
    : { label: "Selfie", url: e.selfie?.url ?? null, mediaId: e.selfie?.mediaId, note: e.selfie ? null : "No selfie stored" };
  const right = match?.image
    ? { label: `Matched: session #${match.sessionNumber ?? "?"}${match.vendorData ? ` · ${match.vendorData}` : ""}`, url: match.image.url, mediaId: match.image.mediaId, note: `similarity ${match.similarity ?? "?"}` }
    : { label: "Reference", url: e.reference?.url ?? null, mediaId: e.reference?.mediaId, note: e.referenceNote ?? "No reference face (liveness only)" };

  return (
    <div className="space-y-4">
      <ImageCompare left={left} right={right} sessionId={sessionId} canAnalyze={canAct} />
      {e.attempts.length > 1 ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Every attempt</h3>
          <div className="mt-2 flex flex-wrap gap-2" data-testid="attempts">
            {e.attempts.map((a) => {
              const on = (attemptId ?? e.selfie?.mediaId) === a.mediaId;
              return (
                <button key={a.mediaId} type="button" aria-pressed={on} onClick={() => setAttemptId(a.mediaId)} className={`w-20 text-left text-[11px] ${on ? "text-brand-700" : "text-slate-600"}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- signed, short-lived media URLs */}
                  <img src={a.url} alt={`Attempt ${a.attempt}`} className={`h-20 w-20 rounded object-cover ring-2 ${on ? "ring-brand-500" : "ring-transparent"}`} />
                  Attempt {a.attempt} · {a.status}
                </button>
              );
            })}
          </div>
        </div>
      ) : null}
      <MatchedFaces matches={e.matches} comparing={matchId} onCompare={setMatchId} />
      <CaseLists sessionId={sessionId} lists={e.lists} canAct={canAct} hasSelfie={Boolean(e.selfie)} />
    </div>
  );
}
