"use client";

import type { ReactNode } from "react";

// Compact controls for the side panel. Each shows the validator's message for its field under it.
const control =
  "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-red-400";

type Base = { id: string; label: string; error?: string; hint?: string; disabled?: boolean };

function Shell({ id, label, error, hint, children }: Base & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function NumberInput({ value, onChange, min, max, placeholder, ...base }: Base & { value: unknown; onChange: (v: number | undefined) => void; min?: number; max?: number; placeholder?: string }) {
  return (
    <Shell {...base}>
      <input
        id={base.id}
        type="number"
        className={control}
        value={typeof value === "number" ? value : ""}
        min={min}
        max={max}
        placeholder={placeholder}
        disabled={base.disabled}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={base.error ? `${base.id}-error` : undefined}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </Shell>
  );
}

export function TextInput({ value, onChange, placeholder, ...base }: Base & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <Shell {...base}>
      <input id={base.id} className={control} value={value} placeholder={placeholder} disabled={base.disabled} aria-invalid={base.error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
    </Shell>
  );
}

export function SelectInput({ value, onChange, options, ...base }: Base & { value: unknown; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Shell {...base}>
      <select id={base.id} className={control} value={String(value ?? "")} disabled={base.disabled} aria-invalid={base.error ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxInput({ id, label, checked, onChange, disabled, error, hint }: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
        <input id={id} type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 text-brand-600" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <span>
          {label}
          {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
        </span>
      </label>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

// Comma-separated list (country codes, risk names) kept as a string array in the config.
export function ListInput({ value, onChange, placeholder, ...base }: Base & { value: unknown; onChange: (v: string[]) => void; placeholder?: string }) {
  const list = Array.isArray(value) ? value.map(String) : [];
  return (
    <Shell {...base}>
      <input
        key={list.join(",")}
        id={base.id}
        className={control}
        defaultValue={list.join(", ")}
        placeholder={placeholder}
        disabled={base.disabled}
        aria-invalid={base.error ? true : undefined}
        onBlur={(e) => onChange(e.target.value.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean))}
      />
    </Shell>
  );
}

// Sets or removes one key: an emptied optional field disappears from the config instead of becoming null.
export function patchConfig(config: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...config };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
