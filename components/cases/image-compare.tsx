"use client";

import { useRef, useState } from "react";
import { EngineCrops, FaceOverlaySvg, useFaceOverlay } from "@/components/cases/face-overlay";

export type CompareSide = { label: string; url: string | null; note?: string | null; mediaId?: string | null };

type View = { zoom: number; x: number; y: number };
const RESET: View = { zoom: 1, x: 0, y: 0 };
const clampZoom = (z: number) => Math.min(6, Math.max(1, Math.round(z * 4) / 4));

// Two images side by side with one view: zoom and pan (drag) move both, so the same facial region is
// compared; each can be turned in quarter turns or opened on its own. With `sessionId` and
// `canAnalyze`, "Show what the engine used" overlays the face box, alignment points and model crops.
// Mount it with key = the case id: a new case starts from a fresh view.
export function ImageCompare({ left, right, sessionId, canAnalyze = false }: { left: CompareSide; right: CompareSide; sessionId?: string; canAnalyze?: boolean }) {
  const [view, setView] = useState<View>(RESET);
  const [turns, setTurns] = useState<[number, number]>([0, 0]);
  const [overlayOn, setOverlayOn] = useState(false);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  const [dragging, setDragging] = useState(false);
  const analyze = Boolean(sessionId && canAnalyze && overlayOn);
  const overlays = [useFaceOverlay(sessionId ?? "", left.mediaId, analyze), useFaceOverlay(sessionId ?? "", right.mediaId, analyze)];

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (view.zoom === 1) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view };
    setDragging(true);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) setView({ ...d.view, x: d.view.x + (e.clientX - d.x) / d.view.zoom, y: d.view.y + (e.clientY - d.y) / d.view.zoom });
  };
  const zoomTo = (zoom: number) => setView((v) => (clampZoom(zoom) === 1 ? RESET : { ...v, zoom: clampZoom(zoom) }));

  return (
    <div data-testid="image-compare">
      <div className="grid grid-cols-2 gap-3">
        {[left, right].map((side, i) => {
          const overlay = overlays[i].data;
          return (
            <figure key={i} className="min-w-0" data-side={i === 0 ? "left" : "right"}>
              <div
                className="relative aspect-[4/5] touch-none overflow-hidden rounded-lg bg-slate-800 select-none"
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={() => ((drag.current = null), setDragging(false))}
                onDoubleClick={() => setView(view.zoom === 1 ? { zoom: 2.5, x: 0, y: 0 } : RESET)}
                onWheel={(e) => e.shiftKey && zoomTo(view.zoom - Math.sign(e.deltaY) * 0.25)}
                style={{ cursor: view.zoom === 1 ? "zoom-in" : dragging ? "grabbing" : "grab" }}
              >
                {side.url ? (
                  <div className="absolute inset-0 transition-transform duration-100" data-testid="compare-view" style={{ transform: `scale(${view.zoom}) translate(${view.x}px, ${view.y}px) rotate(${turns[i]}deg)` }}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- signed, short-lived media URLs; next/image would cache them */}
                    <img src={side.url} alt={side.label} draggable={false} className="h-full w-full object-contain" />
                    {analyze && overlay ? <FaceOverlaySvg overlay={overlay} /> : null}
                  </div>
                ) : (
                  <div className="flex h-full items-center justify-center px-6 text-center text-sm text-slate-300">{side.note ?? "No image stored"}</div>
                )}
              </div>
              <figcaption className="mt-1.5 text-xs text-slate-600">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">{side.label}</span>
                  {side.url ? (
                    <>
                      <button type="button" className="text-brand-700 hover:underline" onClick={() => setTurns((t) => (i === 0 ? [(t[0] + 90) % 360, t[1]] : [t[0], (t[1] + 90) % 360]))}>
                        Rotate ↻
                      </button>
                      <a href={side.url} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                        Open in a new tab ↗
                      </a>
                    </>
                  ) : null}
                </div>
                {side.url && side.note ? <span className="block text-slate-500">{side.note}</span> : null}
                {analyze && overlays[i].error ? <span className="block text-red-700">{overlays[i].error!.message}</span> : null}
                {analyze && overlay ? <div className="mt-2"><EngineCrops overlay={overlay} /></div> : null}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-slate-600">
        <label className="flex items-center gap-3">
          Zoom
          <input type="range" min={1} max={6} step={0.25} value={view.zoom} onChange={(e) => zoomTo(Number(e.target.value))} className="w-40 accent-brand-600" aria-label="Zoom both images" />
          <span className="tabular-nums" data-testid="zoom-level">{view.zoom.toFixed(2)}×</span>
        </label>
        <button type="button" className="text-brand-700 hover:underline disabled:text-slate-400" disabled={view.zoom === 1 && turns[0] === 0 && turns[1] === 0} onClick={() => (setView(RESET), setTurns([0, 0]))}>
          Reset view
        </button>
        {sessionId && canAnalyze ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={overlayOn} onChange={(e) => setOverlayOn(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
            Show what the engine used (face box, alignment points, crops)
          </label>
        ) : null}
        <span className="text-slate-500">Double-click to zoom, drag to pan, shift + wheel to zoom.</span>
      </div>
    </div>
  );
}
