import type { CaptureStrings } from "@/lib/capture/i18n";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import { CaptureButton } from "./capture-buttons";
import { Icon } from "./icons";
import { useFocusHeading } from "./use-focus-heading";

// The desktop page after the phone took over: it polls the session and shows progress here.
export function FollowingScreen({ strings, note, onUseThisDevice }: { strings: CaptureStrings; note: RetryReason | null; onUseThisDevice: () => void }) {
  const heading = useFocusHeading();
  return (
    <section data-testid="screen-following" className="flex flex-1 flex-col items-center py-6 text-center">
      <div aria-hidden className="relative grid size-20 place-items-center rounded-full bg-[var(--brand-soft)] text-[var(--brand-ink)]">
        <span className="absolute inset-0 animate-ping motion-reduce:animate-none rounded-full bg-[var(--brand-soft)]" />
        <Icon name="phone" width={34} height={34} />
      </div>
      <h1 ref={heading} tabIndex={-1} className="mt-6 outline-none text-2xl font-semibold tracking-tight text-slate-900">{strings.following.title}</h1>
      <p role="status" aria-live="polite" className="mt-2 max-w-sm text-[15px] leading-relaxed text-slate-600">
        {strings.following.lead}
      </p>
      {note ? <p className="mt-4 rounded-xl bg-amber-50 px-4 py-2 text-sm text-amber-800">{strings.reasons[note]}</p> : null}
      <div className="mt-8 w-full max-w-sm">
        <CaptureButton variant="secondary" onClick={onUseThisDevice} className="w-full">
          <Icon name="camera" width={20} height={20} />
          {strings.following.useThisDevice}
        </CaptureButton>
      </div>
    </section>
  );
}
