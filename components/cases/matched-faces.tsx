import Link from "next/link";
import type { CaseMatch } from "@/lib/console/get-case-evidence";

const riskLabel: Record<string, string> = { FACE_IN_BLOCKLIST: "On a blocklist", DUPLICATED_FACE: "Duplicate of another user" };

// The faces this case's warnings matched, each with where to follow it and a button to put its image
// next to the selfie.
export function MatchedFaces({ matches, comparing, onCompare }: { matches: CaseMatch[]; comparing: string | null; onCompare: (mediaId: string | null) => void }) {
  if (matches.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Matched faces</h3>
      <ul className="mt-2 space-y-2" data-testid="matched-faces">
        {matches.map((m, i) => (
          <li key={i} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
            <span className="font-medium text-slate-900">{riskLabel[m.risk] ?? m.risk}</span>
            {m.similarity !== null ? <span className="text-slate-500">similarity {m.similarity}</span> : null}
            {m.sessionId ? (
              <Link href={`/sessions/${m.sessionId}`} className="font-medium text-brand-700 hover:underline">
                Session #{m.sessionNumber ?? "?"}
              </Link>
            ) : m.sessionNumber !== null ? (
              <span className="text-slate-500">session #{m.sessionNumber} (deleted)</span>
            ) : null}
            {m.vendorData ? (
              <Link href={`/users/${encodeURIComponent(m.vendorData)}`} className="text-brand-700 hover:underline">
                {m.vendorData}
              </Link>
            ) : null}
            {m.list ? (
              <Link href={`/lists/${m.list.id}`} className="text-brand-700 hover:underline">
                list {m.list.name ?? m.list.id}
              </Link>
            ) : null}
            {m.image ? (
              <button type="button" className="ml-auto text-xs font-medium text-brand-700 hover:underline" onClick={() => onCompare(comparing === m.image!.mediaId ? null : m.image!.mediaId)}>
                {comparing === m.image.mediaId ? "Back to the reference" : "Compare side by side"}
              </button>
            ) : (
              <span className="ml-auto text-xs text-slate-500">image not kept</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
