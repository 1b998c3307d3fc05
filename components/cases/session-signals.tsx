import { Badge } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/console/get-session-detail";
import type { DeviceKeyStatus } from "@/lib/workflows/types";

// What the hosted page's device key proved at start; "mismatch" on a known cookie is what a copied
// cookie looks like.
const deviceKeyText: Record<DeviceKeyStatus, string> = {
  registered: "signed with this device's registered key",
  new: "signed with a key not registered yet",
  mismatch: "signed with a key other than this device's",
  invalid: "signature did not verify",
  absent: "no key (browser without WebCrypto, or not the hosted page)",
};

function Flag({ label, value, good }: { label: string; value: boolean | undefined; good: boolean }) {
  if (value === undefined) return null;
  const ok = value === good;
  return (
    <li className="flex items-center justify-between gap-3 py-1.5 text-sm">
      <span className="text-slate-600">{label}</span>
      <Badge tone={ok ? "green" : "amber"}>{value ? "yes" : "no"}</Badge>
    </li>
  );
}

// Device and network signals the adaptive step-up used, and the path the workflow took.
export function SessionSignals({ session }: { session: SessionDetail }) {
  const signals = (session.stepUp?.signals ?? {}) as { known_device?: boolean; known_ip?: boolean; anonymous_network?: boolean; device_key?: DeviceKeyStatus };
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100">
        <Flag label="Known device" value={signals.known_device} good />
        <Flag label="Known IP address" value={signals.known_ip} good />
        <Flag label="Anonymous network (Tor, VPN, hosting)" value={signals.anonymous_network} good={false} />
      </ul>
      {session.stepUp?.action ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Step-up: <strong>{session.stepUp.action === "skip" ? "selfie skipped" : `${session.stepUp.method ?? "PASSIVE"} liveness`}</strong>
          {session.stepUp.reason ? ` — ${session.stepUp.reason}` : ""}
          {session.stepUp.avoid_flashing ? <span className="mt-1 block">The person asked to avoid flashing light: FLASHING checks ran as ACTIVE_3D.</span> : null}
        </p>
      ) : null}
      <dl className="grid grid-cols-[110px_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-slate-500">IP address</dt>
        <dd className="font-mono text-xs leading-5 text-slate-800">{session.ip ?? "—"}</dd>
        <dt className="text-slate-500">Device</dt>
        <dd className="truncate font-mono text-xs leading-5 text-slate-800" title={session.deviceIdHash ?? undefined}>
          {session.deviceIdHash ? `${session.deviceIdHash.slice(0, 16)}…` : "—"}
        </dd>
        {signals.device_key ? (
          <>
            <dt className="text-slate-500">Device key</dt>
            <dd className="text-xs leading-5 text-slate-700" data-testid="device-key">
              {deviceKeyText[signals.device_key] ?? signals.device_key}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-500">User agent</dt>
        <dd className="break-words text-xs leading-5 text-slate-700">{session.userAgent ?? "—"}</dd>
      </dl>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Path taken</h3>
        {session.pathTaken.length ? (
          <ol className="mt-2 flex flex-wrap items-center gap-1.5 text-xs" aria-label="Path taken">
            {session.pathTaken.map((node, i) => (
              <li key={`${node}-${i}`} className="flex items-center gap-1.5">
                {i > 0 ? <span className="text-slate-500">→</span> : null}
                <span className="rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700">{session.pathLabels[node] ?? node}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-1 text-sm text-slate-500">Not finished yet.</p>
        )}
      </div>
    </div>
  );
}
