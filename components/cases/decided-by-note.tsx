// What gave the session its status, in words (lib/workflows/describe-decided-by.ts); nothing for
// sessions decided before it was recorded.
export function DecidedByNote({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p data-testid="decided-by" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
      <span className="font-medium text-slate-900">What decided it: </span>
      {text}
    </p>
  );
}
