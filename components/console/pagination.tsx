import Link from "next/link";
import { plural } from "@/components/console/plural";

// Previous/next links that keep the current filters. `noun` is singular; `nouns` when not noun + "s".
export function Pagination({ basePath, params, page, pages, total, noun, nouns }: { basePath: string; params: Record<string, string | number | undefined>; page: number; pages: number; total: number; noun: string; nouns?: string }) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && k !== "page") q.set(k, String(v));
    if (p > 1) q.set("page", String(p));
    return q.size ? `${basePath}?${q}` : basePath;
  };
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        {plural(total, noun, nouns)}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
