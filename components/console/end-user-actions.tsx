"use client";

import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/console/fetch-json";
import { useConsoleAction } from "@/components/console/use-console-action";
import { Button } from "@/components/ui/button";

const q = (v: string) => `vendor_data=${encodeURIComponent(v)}`;

export function EnrolButton({ vendorData, sessionId }: { vendorData: string; sessionId: string }) {
  const { run, busy, error } = useConsoleAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="px-2 py-1 text-xs" disabled={busy} onClick={() => void run(() => fetchJson("/api/console/end-users/enrolment", { method: "POST", json: { vendorData, sessionId } }))}>
        Use as enrolment
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

export function ClearEnrolmentButton({ vendorData }: { vendorData: string }) {
  const { run, busy, error } = useConsoleAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" disabled={busy} onClick={() => confirm("Forget this user's enrolled faces? Their next approved session enrols them again.") && void run(() => fetchJson(`/api/console/end-users/enrolment?${q(vendorData)}`, { method: "DELETE" }))}>
        Reset enrolment
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

export function DeleteEndUserButton({ vendorData }: { vendorData: string }) {
  const router = useRouter();
  const { run, busy, error } = useConsoleAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="danger"
        disabled={busy}
        onClick={async () => {
          if (!confirm(`Delete every session, image, face template, device and IP stored for "${vendorData}"? This cannot be undone.`)) return;
          const done = await run(() => fetchJson(`/api/console/end-users?${q(vendorData)}`, { method: "DELETE" }));
          if (done) router.push("/users");
        }}
      >
        Delete all data
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
