import type { FilterProblem } from "@/lib/console/read-page-filters";

// What is wrong with the filters in the address, in the words of the filter bar's labels.
export function FilterProblems({ problems, fields }: { problems: FilterProblem[]; fields: { name: string; label: string }[] }) {
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <div role="alert" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <p className="font-medium">{problems.length === 1 ? "This filter can't be applied:" : "These filters can't be applied:"}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={`${p.field}-${p.message}`}>
            {labels[p.field] ?? p.field} {p.message}.
          </li>
        ))}
      </ul>
      <p className="mt-1">Correct it above and apply again, or clear the filters.</p>
    </div>
  );
}
