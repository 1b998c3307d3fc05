// The manual capture button: a camera-style shutter with a text label for everyone.
export function ShutterButton({ label, hint, disabled, onClick }: { label: string; hint?: string; disabled?: boolean; onClick: () => void }) {
  return (
    <div className="flex flex-col items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={disabled}
        aria-label={label}
        className="group grid size-[72px] place-items-center rounded-full bg-white/25 ring-1 ring-white/40 backdrop-blur transition focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-50 sm:bg-slate-200 sm:ring-slate-300 sm:focus-visible:outline-[var(--brand)]"
      >
        <span className="size-[58px] rounded-full bg-white shadow-md transition group-active:scale-90 group-disabled:scale-90 sm:bg-[var(--brand)]" />
      </button>
      {hint ? <p className="max-w-xs text-center text-xs leading-relaxed text-white/80 sm:text-slate-500">{hint}</p> : null}
    </div>
  );
}
