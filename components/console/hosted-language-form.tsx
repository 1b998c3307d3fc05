"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useApplicationSettings } from "@/components/console/use-application-settings";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "@/lib/capture/languages";

type AppLanguage = { defaultLanguage: string };

const options = SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: `${LANGUAGE_NAMES[code]} (${code})` }));

function LanguageEditor({ initial, save }: { initial: string; save: UseMutationResult<AppLanguage, Error, Partial<AppLanguage>> }) {
  const [language, setLanguage] = useState(initial);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ defaultLanguage: language });
      }}
    >
      <div className="max-w-xs">
        <SelectField id="default-language" label="Default language" value={language} onChange={(e) => setLanguage(e.target.value)} options={options} />
      </div>
      <SaveOutcome save={save} />
      <Button type="submit" disabled={save.isPending}>
        Save language
      </Button>
    </form>
  );
}

// Settings card: the hosted page's language when a session names none and the person's browser asks
// for none the page speaks.
export function HostedLanguageForm() {
  // here rather than in the editor: a save re-keys the editor, and its outcome must outlive that
  const { settings, save } = useApplicationSettings<AppLanguage>();
  return (
    <Card title="Verification page language" description="Used when the session sets no language and the person's browser prefers none of the page's languages. People can always switch on the start screen. Changes are audited.">
      {!settings.data ? <p className="text-sm text-slate-500">Loading…</p> : <LanguageEditor key={settings.data.defaultLanguage} initial={settings.data.defaultLanguage} save={save} />}
    </Card>
  );
}
