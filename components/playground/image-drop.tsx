"use client";

import { useId, useState } from "react";
import { useObjectUrl } from "./use-object-url";

// A drop zone that is also a file picker (the input covers it), with a preview of the chosen image.
export function ImageDrop({ label, file, onChange, testId }: { label: string; file: File | null; onChange: (file: File | null) => void; testId: string }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const preview = useObjectUrl(file);
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div
        data-testid={testId}
        className={`relative mt-1 flex h-44 items-center justify-center overflow-hidden rounded-lg border-2 border-dashed ${over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          onChange(e.dataTransfer.files[0] ?? null);
        }}
      >
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL of the chosen file
          <img src={preview} alt={`${label} preview`} className="h-full w-full object-contain" />
        ) : (
          <p className="px-4 text-center text-sm text-slate-500">Drop an image here or click to choose (JPEG, PNG or WEBP, at most 5 MB)</p>
        )}
        <input id={id} type="file" accept="image/jpeg,image/png,image/webp" className="absolute inset-0 cursor-pointer opacity-0" onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      </div>
      {file ? <p className="mt-1 truncate text-xs text-slate-500">{file.name} · {Math.round(file.size / 1024)} KB</p> : null}
    </div>
  );
}
