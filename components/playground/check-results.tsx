"use client";

import { ScoreBar } from "@/components/cases/score-bar";
import { WarningList } from "@/components/cases/warning-list";
import { Badge, statusTone } from "@/components/ui/badge";
import type { PlaygroundResult } from "@/lib/playground/run-playground-check";
import { CurlBlock } from "./curl-block";
import { EngineView } from "./engine-view";
import { ErrorRateChart } from "./error-rate-chart";

const imageTitles: Record<string, string> = { source_image: "Image 1 (source_image)", target_image: "Image 2 (target_image)", user_image: "Image (user_image)" };

function Verdict({ status, score, label }: { status: string; score: number | null; label: string }) {
  return (
    <div className="flex flex-wrap items-baseline gap-3">
      <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="playground-score">
        {score === null ? "—" : Math.round(score)}
      </p>
      <p className="text-sm text-slate-500">{label}</p>
      <span data-testid="playground-status">
        <Badge tone={statusTone(status)}>{status}</Badge>
      </span>
    </div>
  );
}

function Images({ data, files }: { data: PlaygroundResult; files: Record<string, File | null> }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {data.images.map((image) => (
        <EngineView key={image.field} image={image} file={files[image.field] ?? null} title={imageTitles[image.field] ?? image.field} />
      ))}
    </div>
  );
}

function Footer({ data }: { data: PlaygroundResult }) {
  return (
    <>
      <CurlBlock command={data.curl} />
      <p className="text-xs text-slate-500">
        Request {data.result.request_id} is in the API request log and the audit log.{" "}
        {data.kept ? "Its images are kept under the application's retention rules." : "Its images were not kept."}
      </p>
    </>
  );
}

// What a check returned, shown beside what the engine saw and how to reproduce it.
export function CheckResults({ data, files }: { data: PlaygroundResult; files: Record<string, File | null> }) {
  const r = data.result;
  const t = data.thresholds;
  if ("face_match" in r) {
    const fm = r.face_match;
    return (
      <div className="space-y-5" data-testid="playground-result">
        <Verdict status={fm.status} score={fm.score} label="face-match score (0-100)" />
        <ScoreBar label="Face match" score={fm.score} thresholds={t} caption="the application's thresholds" />
        <ErrorRateChart score={fm.score} thresholds={t} />
        {fm.warnings.length ? <WarningList warnings={fm.warnings} /> : <p className="text-sm text-slate-500">No warnings.</p>}
        <Images data={data} files={files} />
        <Footer data={data} />
      </div>
    );
  }
  if ("liveness" in r) {
    const lv = r.liveness;
    return (
      <div className="space-y-5" data-testid="playground-result">
        <Verdict status={lv.status} score={lv.score} label="passive liveness score (0-100)" />
        <ScoreBar label="Liveness" score={lv.score} thresholds={t} caption="the application's thresholds" />
        <p className="text-sm text-slate-600">
          Face quality {lv.face_quality ?? "—"}, luminance {lv.face_luminance ?? "—"}. The liveness models score the patch outlined in pink.
        </p>
        {lv.warnings.length ? <WarningList warnings={lv.warnings} /> : <p className="text-sm text-slate-500">No warnings.</p>}
        <Images data={data} files={files} />
        <Footer data={data} />
      </div>
    );
  }
  const fs = r.face_search;
  return (
    <div className="space-y-5" data-testid="playground-result">
      <Verdict status={fs.status} score={fs.matches[0]?.similarity_percentage ?? null} label={`best similarity; ${fs.total_matches} match${fs.total_matches === 1 ? "" : "es"} at or above ${t?.decline ?? "the decline threshold"}`} />
      {fs.matches.length ? (
        <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="search-matches">
          {fs.matches.map((m, i) => (
            <li key={i} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="text-slate-700">
                {m.list_name ? `List “${m.list_name}”` : m.session_id ? `Session ${m.session_id}` : m.source}
                {m.vendor_data ? <span className="text-slate-500"> · user {m.vendor_data}</span> : null}
              </span>
              <span className="font-semibold tabular-nums text-slate-900">{Math.round(m.similarity_percentage)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">No enrolled face or list entry of this application is similar enough.</p>
      )}
      {fs.warnings.length ? <WarningList warnings={fs.warnings} /> : null}
      <Images data={data} files={files} />
      <Footer data={data} />
    </div>
  );
}
