"use client";

import { useEffect } from "react";
import type { BuilderEditor } from "@/components/workflow-builder/use-builder-editor";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

// Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Delete/Backspace removes the selection,
// Ctrl/Cmd+C / V copy and paste nodes. Ignored while typing in the side panel.
export function useBuilderShortcuts(editor: BuilderEditor, readOnly: boolean) {
  const { undo, redo, deleteSelected, copySelected, paste } = editor;
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z") {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (mod && key === "y") {
        e.preventDefault();
        redo();
      } else if (mod && key === "c") {
        if (copySelected()) e.preventDefault();
      } else if (mod && key === "v") {
        e.preventDefault();
        paste();
      } else if (!mod && (e.key === "Delete" || e.key === "Backspace")) {
        e.preventDefault();
        deleteSelected();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly, undo, redo, deleteSelected, copySelected, paste]);
}
