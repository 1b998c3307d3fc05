"use client";

import { useState } from "react";

// A threshold typed by hand: keystrokes only edit the text (typing 80 passes through 8 without being
// clamped); the value is checked and applied on blur or Enter, and a wrong one is explained, not fixed.
export function ThresholdInput({ label, value, min, max, onCommit }: { label: string; value: number; min: number; max: number; onCommit: (v: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const text = draft.trim();
    const v = Number(text);
    if (text === "" || !Number.isInteger(v)) setError("Enter a whole number.");
    else if (v < min || v > max) setError(`Enter a value from ${min} to ${max}.`);
    else {
      setError(null);
      if (v !== value) onCommit(v);
    }
  };
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        value={draft}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        className={`mt-1 block w-20 rounded-md border-0 px-2 py-1 text-sm ring-1 ring-inset ${error ? "ring-red-500" : "ring-slate-300"}`}
      />
      {error ? (
        <span role="alert" className="mt-1 block max-w-[12rem] text-xs font-normal text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
