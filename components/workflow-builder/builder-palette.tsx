"use client";

import { PALETTE_MIME } from "@/components/workflow-builder/builder-canvas";
import { paletteGroups } from "@/components/workflow-builder/node-registry";
import { nodeTones } from "@/components/workflow-builder/node-tones";
import type { NodeType } from "@/lib/workflows/types";

// Drag a node onto the canvas, or press it (Enter/Space for keyboard users) to add it in view.
export function BuilderPalette({ onAdd, readOnly }: { onAdd: (type: NodeType) => void; readOnly: boolean }) {
  return (
    <aside aria-label="Node palette" className="flex w-56 shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-white">
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Nodes</h2>
        <p className="mt-0.5 text-xs text-slate-500">{readOnly ? "Read-only: admins edit workflows." : "Drag onto the canvas or click to add."}</p>
      </div>
      <div className="space-y-4 px-3 py-3">
        {paletteGroups.map((group) => (
          <div key={group.title}>
            <h3 className="px-1 pb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{group.title}</h3>
            <ul className="space-y-1">
              {group.items.map((def) => (
                <li key={def.type}>
                  <button
                    type="button"
                    draggable={!readOnly}
                    disabled={readOnly}
                    data-testid={`palette-${def.type}`}
                    aria-label={`Add ${def.title}`}
                    title={def.description}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, def.type);
                      e.dataTransfer.effectAllowed = "copy";
                    }}
                    onClick={() => onAdd(def.type)}
                    className="group flex w-full cursor-grab items-start gap-2.5 rounded-lg px-2 py-1.5 text-left ring-1 ring-transparent transition hover:bg-slate-50 hover:ring-slate-200 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-60"
                  >
                    <span className={`flex size-7 shrink-0 items-center justify-center rounded-md ${nodeTones[def.tone].icon}`}>{def.icon}</span>
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-slate-800">{def.title}</span>
                      <span className="block text-[11px] leading-snug text-slate-500" data-testid="palette-description">{def.description}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </aside>
  );
}
