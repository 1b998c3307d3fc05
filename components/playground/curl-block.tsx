"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// The /v3 call that reproduces a result; the key stays a shell variable ($API_KEY), never the real one.
export function CurlBlock({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md bg-slate-900 p-3 text-slate-100">
      <div className="mb-2 flex items-center justify-between gap-3">
        <p className="text-xs text-slate-300">Reproduce with the API (set API_KEY to one of this application&apos;s keys):</p>
        <Button
          type="button"
          variant="secondary"
          className="!px-2 !py-1 text-xs"
          onClick={async () => {
            await navigator.clipboard.writeText(command).catch(() => undefined);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre data-testid="curl-command" className="overflow-x-auto whitespace-pre text-xs leading-relaxed">
        {command}
      </pre>
    </div>
  );
}
