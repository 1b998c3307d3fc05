"use client";

import "@/components/workflow-builder/simulate-panel.css";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Badge, statusTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxInput, SelectInput } from "@/components/workflow-builder/config-fields";
import type { ReplayResult, SimulatedRun, SimulateInputsResult } from "@/components/workflow-builder/simulation-types";
import type { WorkflowGraph } from "@/lib/workflows/types";

type Props = { workflowId: string; graph: WorkflowGraph; canRun: boolean; nodeName: (id: string) => string; onPath: (path: string[] | null) => void; onClose: () => void };
type Form = { liveness_score: string; face_match_score: string; liveness_method: string; known_device: boolean; known_ip: boolean; anonymous_network: boolean; ip_country: string; list_hit: string; session_id: string };

const initialForm: Form = { liveness_score: "85", face_match_score: "80", liveness_method: "PASSIVE", known_device: false, known_ip: false, anonymous_network: false, ip_country: "", list_hit: "none", session_id: "" };
const score = (v: string) => (v.trim() === "" ? null : Number(v));
const input = "block w-full rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

// Tries the current draft without creating a session: one sample input from form fields (its path is
// highlighted on the canvas), or a replay of the latest finished sessions of the live version.
export function SimulatePanel({ workflowId, graph, canRun, nodeName, onPath, onClose }: Props) {
  const [form, setForm] = useState<Form>(initialForm);
  const [limit, setLimit] = useState("50");
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const url = `/api/console/workflows/${workflowId}/simulate`;
  const run = useMutation({
    mutationFn: () =>
      fetchJson<SimulateInputsResult>(url, {
        method: "POST",
        json: {
          graph,
          inputs: [{
            liveness_score: score(form.liveness_score),
            face_match_score: score(form.face_match_score),
            liveness_method: form.liveness_method,
            known_device: form.known_device,
            known_ip: form.known_ip,
            anonymous_network: form.anonymous_network,
            ...(form.ip_country.trim() ? { ip_country: form.ip_country.trim() } : {}),
            list_hit: form.list_hit,
            ...(form.session_id.trim() ? { session_id: form.session_id.trim() } : {}),
          }],
        },
      }),
    onSuccess: (r) => onPath(r.runs[0]?.path_taken ?? null),
  });
  const replay = useMutation({ mutationFn: () => fetchJson<ReplayResult>(url, { method: "POST", json: { graph, replay: { limit: Number(limit) || 50 } } }) });
  const result: SimulatedRun | undefined = run.data?.runs[0];

  return (
    <aside aria-label="Simulate" data-testid="simulate-panel" className="flex w-[21rem] shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">Simulate the draft</h2>
        <button type="button" aria-label="Close simulation" className="text-xs text-slate-500 hover:text-slate-900" onClick={() => { onPath(null); onClose(); }}>
          ✕
        </button>
      </div>
      <form className="space-y-3 p-4" onSubmit={(e) => { e.preventDefault(); run.mutate(); }}>
        <p className="text-xs text-slate-500">Nothing is stored; no session is created. Leave a score empty when that check would not run.</p>
        <div className="grid grid-cols-2 gap-2">
          <label className="text-xs font-medium text-slate-700">
            Liveness score
            <input aria-label="Liveness score" type="number" min={0} max={100} className={input} value={form.liveness_score} onChange={(e) => set("liveness_score", e.target.value)} />
          </label>
          <label className="text-xs font-medium text-slate-700">
            Face match score
            <input aria-label="Face match score" type="number" min={0} max={100} className={input} value={form.face_match_score} onChange={(e) => set("face_match_score", e.target.value)} />
          </label>
        </div>
        <SelectInput id="sim-method" label="Liveness method" value={form.liveness_method} onChange={(v) => set("liveness_method", v)} options={["PASSIVE", "FLASHING", "ACTIVE_3D"].map((m) => ({ value: m, label: m }))} />
        <CheckboxInput id="sim-known-device" label="Known device" checked={form.known_device} onChange={(v) => set("known_device", v)} />
        <CheckboxInput id="sim-known-ip" label="Known IP address" checked={form.known_ip} onChange={(v) => set("known_ip", v)} />
        <CheckboxInput id="sim-anonymous" label="Anonymising network (VPN, Tor, hosting)" checked={form.anonymous_network} onChange={(v) => set("anonymous_network", v)} />
        <div className="grid grid-cols-2 gap-2">
          <label className="text-xs font-medium text-slate-700">
            IP country
            <input aria-label="IP country" maxLength={2} placeholder="FR" className={input} value={form.ip_country} onChange={(e) => set("ip_country", e.target.value)} />
          </label>
          <SelectInput id="sim-list-hit" label="Face list hit" value={form.list_hit} onChange={(v) => set("list_hit", v)} options={[{ value: "none", label: "None" }, { value: "blocklist", label: "Blocklist" }, { value: "duplicate", label: "Duplicate" }]} />
        </div>
        <label className="block text-xs font-medium text-slate-700">
          Session id (picks the A/B branch)
          <input aria-label="Session id" placeholder="simulation-1" className={input} value={form.session_id} onChange={(e) => set("session_id", e.target.value)} />
        </label>
        <Button type="submit" disabled={!canRun || run.isPending}>{run.isPending ? "Running…" : "Run simulation"}</Button>
        {!canRun ? <p className="text-xs text-red-700">Fix the draft&apos;s problems first.</p> : null}
        {run.error ? <p role="alert" className="text-sm text-red-700">{run.error.message}</p> : null}
        {result ? <RunResult run={result} nodeName={nodeName} /> : null}
      </form>
      <div className="space-y-3 border-t border-slate-200 p-4">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Replay real sessions</h3>
        <div className="flex items-end gap-2">
          <label className="text-xs font-medium text-slate-700">
            Last sessions
            <input aria-label="Sessions to replay" type="number" min={1} max={500} className={`${input} w-24`} value={limit} onChange={(e) => setLimit(e.target.value)} />
          </label>
          <Button variant="secondary" disabled={!canRun || replay.isPending} onClick={() => replay.mutate()}>{replay.isPending ? "Replaying…" : "Replay"}</Button>
        </div>
        {replay.error ? <p role="alert" className="text-sm text-red-700">{replay.error.message}</p> : null}
        {replay.data ? <ReplaySummary result={replay.data} /> : null}
      </div>
    </aside>
  );
}

function RunResult({ run, nodeName }: { run: SimulatedRun; nodeName: (id: string) => string }) {
  return (
    <div data-testid="simulation-result" className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="flex items-center gap-2 text-sm font-medium text-slate-800">
        Outcome {run.status ? <Badge tone={statusTone(run.status)}>{run.status}</Badge> : <Badge tone="amber">Unknown</Badge>}
      </p>
      {run.unknown ? <p className="text-xs text-amber-800">Stops at {nodeName(run.unknown.node_id)}: give a {run.unknown.feature.toLowerCase().replace("_", " ")} score.</p> : null}
      <ol aria-label="Path taken" className="space-y-0.5 text-xs text-slate-700">
        {run.path_taken.map((id, i) => <li key={`${id}-${i}`}>{i + 1}. {nodeName(id)}</li>)}
      </ol>
      {run.risks.length ? <p className="text-xs text-slate-500">Warnings raised: {run.risks.join(", ")}</p> : null}
    </div>
  );
}

// The replay's "would change" table: each session whose outcome the draft changes, with a link to it.
export function ReplaySummary({ result }: { result: ReplayResult }) {
  if (result.live_version === null) return <p className="text-xs text-slate-500">Nothing is live yet, so there are no sessions to replay.</p>;
  return (
    <div data-testid="replay-summary" className="space-y-2 text-xs text-slate-700">
      <p>
        Replayed {result.replayed} finished session(s) of version {result.live_version}: the live version reproduces {result.reproduced} of them;{" "}
        <strong>{result.changed.length} would change</strong> with this draft{result.unknown ? ` (${result.unknown} need a check they never ran)` : ""}.
      </p>
      {result.changed.length ? (
        <table className="w-full text-left">
          <thead className="text-slate-500">
            <tr><th className="py-1 font-medium">Session</th><th className="font-medium">Live</th><th className="font-medium">Draft</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.changed.map((s) => (
              <tr key={s.session_id}>
                <td className="py-1"><Link className="text-brand-700 hover:underline" href={`/sessions/${s.session_id}`}>#{s.session_number}</Link></td>
                <td>{s.live.status ?? "—"}</td>
                <td>{s.draft.status ?? "Unknown"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
