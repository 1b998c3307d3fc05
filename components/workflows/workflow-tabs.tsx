import Link from "next/link";

// Builder | Performance, above either page of a workflow.
export function WorkflowTabs({ workflowId, current }: { workflowId: string; current: "builder" | "performance" }) {
  const tabs = [
    { id: "builder", label: "Builder", href: `/workflows/${workflowId}` },
    { id: "performance", label: "Performance", href: `/workflows/${workflowId}/performance` },
  ] as const;
  return (
    <nav aria-label="Workflow" className="flex gap-1 border-b border-slate-200 bg-white px-4">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={current === t.id ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
