"use client";

import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { CaptureStrings } from "@/lib/capture/i18n";
import { ovalInBox } from "./cover-geometry";
import { Icon } from "./icons";

export type GuidanceTone = "ready" | "warn" | "neutral";

const pillTones: Record<GuidanceTone, string> = {
  ready: "bg-emerald-700 text-white",
  warn: "bg-white text-slate-900",
  neutral: "bg-slate-900/75 text-white",
};

// The live preview: mirrored video (people expect a mirror), a dimmed frame around the face oval,
// a ring that fills while auto-capture counts down, and one guidance line announced politely to
// screen readers. Full-screen on a phone (and during the colour flashes), a card on a desktop.
export function CameraStage(props: {
  strings: CaptureStrings;
  videoRef: RefObject<HTMLVideoElement | null>;
  boxRef: RefObject<HTMLDivElement | null>;
  guidance: string;
  tone: GuidanceTone;
  progress: number;
  prompt?: ReactNode;
  step?: string;
  scrim?: string;
  fullscreen?: boolean;
  detector?: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { strings, videoRef, boxRef, guidance, tone, progress, prompt, step, scrim, fullscreen, detector, onCancel, children } = props;
  const [box, setBox] = useState({ w: 0, h: 0 });
  const heading = useRef<HTMLHeadingElement>(null);
  // a new screen: screen-reader and keyboard users start at its heading, as on the message screens
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setBox({ w: entry.contentRect.width, h: entry.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [boxRef]);
  const oval = ovalInBox({ boxWidth: box.w, boxHeight: box.h });
  const ring = tone === "ready" ? "#10b981" : "rgba(255,255,255,.85)";
  const outer = fullscreen ? "fixed inset-0 z-30 bg-slate-950" : "fixed inset-0 z-30 bg-slate-950 sm:relative sm:inset-auto sm:z-auto sm:gap-5 sm:bg-transparent";
  const frame = fullscreen ? "flex-1" : "flex-1 sm:aspect-[4/5] sm:flex-none sm:rounded-2xl";
  const controls = fullscreen ? "hidden" : "absolute inset-x-0 bottom-0 pb-[max(1.5rem,env(safe-area-inset-bottom))] sm:static sm:pb-0";

  return (
    <div data-testid="camera-stage" data-flash={fullscreen ? scrim : undefined} data-detector={detector} className={`flex flex-col ${outer}`}>
      <h1 ref={heading} tabIndex={-1} className="sr-only">
        {strings.camera.previewLabel}
      </h1>
      <div ref={boxRef} className={`relative overflow-hidden bg-slate-950 ${frame}`}>
      <video ref={videoRef} aria-hidden className="absolute inset-0 size-full -scale-x-100 object-cover" autoPlay muted playsInline />
      {box.w > 0 ? (
        <svg className="pointer-events-none absolute inset-0 size-full" aria-hidden>
          <path fillRule="evenodd" fill={scrim ?? "rgba(2,6,23,.62)"} className="flash-fade" style={{ transition: "fill 120ms linear" }} d={`M0 0H${box.w}V${box.h}H0Z M${oval.cx - oval.rx} ${oval.cy}a${oval.rx} ${oval.ry} 0 1 0 ${2 * oval.rx} 0a${oval.rx} ${oval.ry} 0 1 0 ${-2 * oval.rx} 0Z`} />
          <ellipse cx={oval.cx} cy={oval.cy} rx={oval.rx} ry={oval.ry} fill="none" stroke={ring} strokeWidth={3} style={{ transition: "stroke 200ms" }} />
          {progress > 0 ? (
            <path d={`M${oval.cx} ${oval.cy - oval.ry}a${oval.rx} ${oval.ry} 0 1 1 0 ${2 * oval.ry}a${oval.rx} ${oval.ry} 0 1 1 0 ${-2 * oval.ry}`} fill="none" stroke="#34d399" strokeWidth={6} strokeLinecap="round" pathLength={1} strokeDasharray={`${Math.min(1, progress)} 1`} />
          ) : null}
        </svg>
      ) : null}
      <div className="absolute inset-x-0 top-0 flex items-center justify-between gap-3 px-4 pt-[max(1rem,env(safe-area-inset-top))]">
        <button type="button" onClick={onCancel} aria-label={strings.cancel} className="grid size-11 place-items-center rounded-full bg-slate-900/55 text-white backdrop-blur transition hover:bg-slate-900/75 focus-visible:outline-3 focus-visible:outline-white">
          <Icon name="x" width={22} height={22} />
        </button>
        {step ? <span className="rounded-full bg-slate-900/55 px-3 py-1.5 text-xs font-medium text-white backdrop-blur">{step}</span> : null}
        <span className="size-11" aria-hidden />
      </div>
      <div className="absolute inset-x-0 flex flex-col items-center gap-3 px-6" style={{ top: oval.cy + oval.ry + 18 }}>
        <p role="status" aria-live="polite" data-testid="guidance" data-tone={tone} className={`max-w-full rounded-full px-4 py-2 text-center text-[15px] font-semibold shadow-lg transition-colors ${pillTones[tone]}`}>
          {guidance}
        </p>
        {prompt}
      </div>
      </div>
      <div className={`flex flex-col items-center gap-2 px-6 ${controls}`}>{children}</div>
    </div>
  );
}
