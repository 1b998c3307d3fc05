import { createWarning, type Risk } from "@/lib/verification/warnings";

// Why cases are in review: the risk codes a filter can pick, and their wording on a row.
export const reviewReasonCodes: Risk[] = [
  "LOW_FACE_MATCH_SIMILARITY",
  "LOW_LIVENESS_SCORE",
  "LIVENESS_FACE_ATTACK",
  "DUPLICATED_FACE",
  "FACE_IN_BLOCKLIST",
  "LOW_FACE_QUALITY",
  "LOW_FACE_LUMINANCE",
  "HIGH_FACE_LUMINANCE",
  "NO_FACE_DETECTED",
  "NO_REFERENCE_IMAGE",
];
const known = new Set<string>(reviewReasonCodes);
const severe = new Set(["LIVENESS_FACE_ATTACK", "FACE_IN_BLOCKLIST", "DUPLICATED_FACE"]);

export function reasonLabel(code: string): string {
  if (known.has(code)) return createWarning(code as Risk).short_description;
  const words = code.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ReviewReasons({ codes }: { codes: string[] }) {
  if (codes.length === 0) return <span className="text-xs text-slate-500">Sent to review by the workflow</span>;
  return (
    <span className="flex flex-wrap gap-1" aria-label="Why in review">
      {codes.map((code) => (
        <span key={code} title={code} className={`rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${severe.has(code) || code.startsWith("BURST_") ? "bg-red-50 text-red-700 ring-red-600/20" : "bg-amber-50 text-amber-800 ring-amber-600/20"}`}>
          {reasonLabel(code)}
        </span>
      ))}
    </span>
  );
}
