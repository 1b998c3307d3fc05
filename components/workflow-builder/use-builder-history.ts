"use client";

import { useCallback, useState } from "react";
import type { BuilderSnapshot } from "@/components/workflow-builder/types";

type History = { past: BuilderSnapshot[]; present: BuilderSnapshot; future: BuilderSnapshot[]; mergeKey: string | null };
// record: true = one undo step; false = not undoable (selection, measuring, drag frames);
// a string = one step per run of edits with the same key (typing into one field).
export type RecordMode = boolean | string;

const LIMIT = 100;

export function useBuilderHistory(initial: BuilderSnapshot) {
  const [history, setHistory] = useState<History>({ past: [], present: initial, future: [], mergeKey: null });

  const update = useCallback((fn: (s: BuilderSnapshot) => BuilderSnapshot, record: RecordMode = true) => {
    setHistory((h) => {
      const next = fn(h.present);
      if (next === h.present) return h;
      if (record === false) return { ...h, present: next };
      if (typeof record === "string" && record === h.mergeKey) return { ...h, present: next, future: [] };
      return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [], mergeKey: typeof record === "string" ? record : null };
    });
  }, []);

  // A drag is many frames but one step: the state before it is pushed when it ends.
  const commitFrom = useCallback((before: BuilderSnapshot) => {
    setHistory((h) => ({ past: [...h.past, before].slice(-LIMIT), present: h.present, future: [], mergeKey: null }));
  }, []);

  const undo = useCallback(() => {
    setHistory((h) => (h.past.length ? { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], mergeKey: null } : h));
  }, []);

  const redo = useCallback(() => {
    setHistory((h) => (h.future.length ? { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), mergeKey: null } : h));
  }, []);

  return { present: history.present, update, commitFrom, undo, redo, canUndo: history.past.length > 0, canRedo: history.future.length > 0 };
}
