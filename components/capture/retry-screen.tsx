import type { CaptureStrings } from "@/lib/capture/i18n";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import { CaptureButton } from "./capture-buttons";
import { StatusScreen } from "./status-screen";

// A failed attempt that can be repeated: why, in the page's language (the server sends only a reason
// code, never text), and how many attempts remain.
export function RetryScreen({ strings, reason, attemptsLeft, onRetry }: { strings: CaptureStrings; reason: RetryReason | null; attemptsLeft: number | null; onRetry: () => void }) {
  return (
    <StatusScreen
      icon="refresh"
      tone="warning"
      title={strings.retry.title}
      testId="screen-retry"
      alert
      lead={
        <>
          <p data-testid="retry-reason" data-reason={reason ?? undefined}>
            {(reason && strings.reasons[reason]) || strings.retry.fallbackReason}
          </p>
          {attemptsLeft !== null ? <p className="mt-3 inline-block rounded-full bg-slate-100 px-3 py-1 text-sm font-medium text-slate-700">{strings.retry.attemptsLeft(attemptsLeft)}</p> : null}
        </>
      }
      details={
        <ul className="space-y-1.5 rounded-2xl bg-slate-50 p-4 text-left text-sm text-slate-600 ring-1 ring-slate-200/70">
          {strings.start.tips.map((tip) => (
            <li key={tip} className="flex gap-2">
              <span aria-hidden className="mt-2 size-1.5 shrink-0 rounded-full bg-slate-400" />
              {tip}
            </li>
          ))}
        </ul>
      }
    >
      <CaptureButton onClick={onRetry} className="w-full">
        {strings.retry.button}
      </CaptureButton>
    </StatusScreen>
  );
}
