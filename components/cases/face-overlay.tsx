"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";
import type { FaceOverlay as Overlay } from "@/lib/console/explain-stored-face";

export function useFaceOverlay(sessionId: string, mediaId: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["face-overlay", sessionId, mediaId],
    queryFn: () => fetchJson<Overlay>(`/api/console/sessions/${sessionId}/analysis?media=${encodeURIComponent(mediaId!)}`),
    enabled: enabled && Boolean(mediaId),
    staleTime: Infinity,
  });
}

const pts = (corners: [number, number][]) => corners.map(([x, y]) => `${x},${y}`).join(" ");

// Drawn over the image in its own pixel space (viewBox = image size, "meet" = object-contain): the
// detector's boxes, the five alignment points, and where each model crop was taken from (dashed).
export function FaceOverlaySvg({ overlay }: { overlay: Overlay }) {
  const r = Math.max(overlay.width, overlay.height) / 150;
  return (
    <svg data-testid="face-overlay" className="pointer-events-none absolute inset-0 h-full w-full" viewBox={`0 0 ${overlay.width} ${overlay.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden>
      {overlay.crops.map((c, i) => (
        <polygon key={c.label} points={pts(c.corners)} fill="none" stroke={i === 0 ? "#38bdf8" : "#f472b6"} strokeWidth={2} strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
      ))}
      {overlay.faces.map((f, i) => (
        <g key={i}>
          <rect x={f.box.x} y={f.box.y} width={f.box.width} height={f.box.height} fill="none" stroke={i === 0 ? "#22c55e" : "#eab308"} strokeWidth={2} vectorEffect="non-scaling-stroke" />
          {Object.values(f.landmarks).map(([x, y], k) => (
            <circle key={k} cx={x} cy={y} r={r} fill="#facc15" stroke="#1e293b" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
      ))}
    </svg>
  );
}

// The crops the models were fed, at their own size, with what used them.
export function EngineCrops({ overlay }: { overlay: Overlay }) {
  if (overlay.faces.length === 0) return <p className="text-xs text-slate-500">The detector finds no face in this image.</p>;
  return (
    <div className="flex flex-wrap gap-3" data-testid="engine-crops">
      {overlay.crops.map((c, i) => (
        <figure key={c.label} className="text-[11px] text-slate-600">
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline data URL computed for this view */}
          <img src={c.image} alt={c.label} width={c.width} height={c.height} className={`h-20 w-20 rounded ring-2 ${i === 0 ? "ring-sky-400" : "ring-pink-400"}`} />
          <figcaption className="mt-0.5 max-w-24 leading-tight">{c.label}</figcaption>
        </figure>
      ))}
      <p className="basis-full text-[11px] text-slate-500">
        Green: face box ({Math.round(overlay.faces[0].confidence * 100)}% confidence){overlay.faces.length > 1 ? `, yellow: ${overlay.faces.length - 1} more` : ""}; dots: alignment points; dashed: where each crop was taken.
      </p>
    </div>
  );
}
