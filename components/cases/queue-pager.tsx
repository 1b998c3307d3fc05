import { Button } from "@/components/ui/button";

// "51–100 of 134" with previous/next: the queue pages through every case, not just the first ones.
export function QueuePager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
      <span aria-live="polite">
        {first}–{last} of {total}
      </span>
      <span className="flex gap-1">
        <Button variant="ghost" className="px-2 py-1 text-xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="ghost" className="px-2 py-1 text-xs" disabled={last >= total} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </span>
    </div>
  );
}
