"use client";

import { useState } from "react";

type Side = { label: string; url: string | null; note?: string | null };

// Selfie and reference side by side. Zoom applies to both at once and follows the pointer, so the same
// facial region is compared in both pictures.
export function ImageCompare({ left, right }: { left: Side; right: Side }) {
  const [zoom, setZoom] = useState(1);
  const [origin, setOrigin] = useState("50% 50%");
  const onMove = (e: React.MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setOrigin(`${(((e.clientX - r.left) / r.width) * 100).toFixed(1)}% ${(((e.clientY - r.top) / r.height) * 100).toFixed(1)}%`);
  };
  return (
    <div>
      <div className="grid grid-cols-2 gap-3">
        {[left, right].map((side) => (
          <figure key={side.label} className="min-w-0">
            <div
              className="relative aspect-[4/5] overflow-hidden rounded-lg bg-slate-800"
              onMouseMove={onMove}
              onClick={() => setZoom((z) => (z === 1 ? 2.5 : 1))}
              style={{ cursor: zoom === 1 ? "zoom-in" : "zoom-out" }}
            >
              {side.url ? (
                // eslint-disable-next-line @next/next/no-img-element -- signed, short-lived media URLs; next/image would cache them
                <img src={side.url} alt={side.label} className="h-full w-full object-contain transition-transform duration-150" style={{ transform: `scale(${zoom})`, transformOrigin: origin }} />
              ) : (
                <div className="flex h-full items-center justify-center px-6 text-center text-sm text-slate-300">{side.note ?? "No image stored"}</div>
              )}
            </div>
            <figcaption className="mt-1.5 text-xs text-slate-600">
              <span className="font-medium">{side.label}</span>
              {side.url && side.note ? <span className="block text-slate-500">{side.note}</span> : null}
            </figcaption>
          </figure>
        ))}
      </div>
      <label className="mt-2 flex items-center gap-3 text-xs text-slate-600">
        Zoom
        <input type="range" min={1} max={4} step={0.25} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} className="w-40 accent-brand-600" aria-label="Zoom both images" />
        <span className="tabular-nums">{zoom.toFixed(2)}×</span>
      </label>
    </div>
  );
}
