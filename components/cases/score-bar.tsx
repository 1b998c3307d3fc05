type Thresholds = { review: number; decline: number } | null;

// A 0-100 scale split into the decline, review and approve bands, with the score marked on it.
export function ScoreBar({ label, score, thresholds, compact = false, caption }: { label: string; score: number | null; thresholds: Thresholds; compact?: boolean; caption?: string }) {
  const t = thresholds ?? { review: 0, decline: 0 };
  const tone = score === null ? "text-slate-500" : score < t.decline ? "text-red-700" : score < t.review ? "text-amber-700" : "text-green-700";
  return (
    <div data-testid={`score-${label.toLowerCase().replaceAll(" ", "-")}`}>
      <div className="flex items-baseline justify-between text-xs">
        <span className="font-medium text-slate-600">{label}</span>
        <span className={`font-semibold tabular-nums ${compact ? "text-sm" : "text-lg"} ${tone}`}>{score === null ? "—" : Math.round(score)}</span>
      </div>
      <div className={`relative mt-1 ${compact ? "h-2" : "h-3"} overflow-visible rounded-full bg-green-100`} role="img" aria-label={`${label} ${score === null ? "not measured" : Math.round(score)}; decline below ${t.decline}, review below ${t.review}`}>
        <div className="absolute inset-y-0 left-0 rounded-l-full bg-red-100" style={{ width: `${t.decline}%` }} />
        <div className="absolute inset-y-0 bg-amber-100" style={{ left: `${t.decline}%`, width: `${Math.max(0, t.review - t.decline)}%` }} />
        <div className="absolute inset-y-[-3px] w-px bg-red-500" style={{ left: `${t.decline}%` }} />
        <div className="absolute inset-y-[-3px] w-px bg-amber-500" style={{ left: `${t.review}%` }} />
        {score !== null ? (
          <div className="absolute top-1/2 h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-slate-900 shadow" style={{ left: `${Math.min(100, Math.max(0, score))}%` }} />
        ) : null}
      </div>
      {compact ? null : (
        <div className="mt-1 flex justify-between text-[11px] text-slate-500">
          <span>decline &lt; {t.decline}</span>
          {caption ? <span>{caption}</span> : null}
          <span>review &lt; {t.review}</span>
        </div>
      )}
    </div>
  );
}
