"use client";

import { createContext, useContext } from "react";
import type { GraphIssue } from "@/lib/workflows/types";

// What node views need besides their own data: the validator's problems for them, and whether editing is allowed.
export type BuilderContextValue = { issuesByNode: ReadonlyMap<string, GraphIssue[]>; readOnly: boolean };

export const BuilderContext = createContext<BuilderContextValue>({ issuesByNode: new Map(), readOnly: true });

export function useBuilderContext(): BuilderContextValue {
  return useContext(BuilderContext);
}
