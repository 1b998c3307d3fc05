"use client";

import { usePathname, useRouter } from "next/navigation";
import type { SelectHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";

export type FilterField =
  | { name: string; label: string; type: "text" | "date"; placeholder?: string }
  | { name: string; label: string; type: "number"; placeholder?: string }
  | { name: string; label: string; type: "select"; options: { value: string; label: string }[] };

const control = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

// A filter's select: its empty choice is "Any" (no filter), then the options.
export function FilterSelect({ options, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <select className={control} {...props}>
      <option value="">Any</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

// Filters live in the URL (?status=…&page=…), so a filtered view can be shared, bookmarked and reloaded.
// Submitting resets to the first page.
export function FilterBar({ fields, values, label }: { fields: FilterField[]; values: Record<string, string | undefined>; label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const apply = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim()) params.set(k, v.trim());
    router.push(params.size ? `${pathname}?${params}` : pathname);
  };
  const active = fields.some((f) => values[f.name]);
  return (
    <form
      role="search"
      aria-label={label}
      key={JSON.stringify(values)}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {fields.map((f) => (
        <div key={f.name} className={f.type === "number" ? "w-24" : f.type === "date" ? "w-40" : "w-44"}>
          <label htmlFor={`filter-${f.name}`} className="mb-1 block text-xs font-medium text-slate-600">
            {f.label}
          </label>
          {f.type === "select" ? (
            <FilterSelect id={`filter-${f.name}`} name={f.name} defaultValue={values[f.name] ?? ""} options={f.options} onChange={(e) => apply(e.currentTarget.form!)} />
          ) : (
            <input id={`filter-${f.name}`} name={f.name} type={f.type} min={f.type === "number" ? 0 : undefined} max={f.type === "number" ? 100 : undefined} placeholder={"placeholder" in f ? f.placeholder : undefined} defaultValue={values[f.name] ?? ""} className={control} />
          )}
        </div>
      ))}
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={() => router.push(pathname)}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}
