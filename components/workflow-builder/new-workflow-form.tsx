"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

type Starter = { id: string; label: string };

// Creates a draft workflow and opens it in the builder.
export function NewWorkflowForm({ starters }: { starters: Starter[] }) {
  const router = useRouter();
  const create = useMutation({
    mutationFn: (body: { workflow_label: string; starter: string; workflow_type: string }) => fetchJson<{ workflow_id: string }>("/api/console/workflows", { method: "POST", json: body }),
    onSuccess: (r) => router.push(`/workflows/${r.workflow_id}`),
  });
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        create.mutate({ workflow_label: String(form.get("workflow_label") ?? ""), starter: String(form.get("starter")), workflow_type: String(form.get("workflow_type")) });
      }}
    >
      <div className="min-w-60 flex-1">
        <TextField label="Workflow name" id="workflow_label" placeholder="e.g. KYC with review branch" required maxLength={120} />
      </div>
      <div className="min-w-56">
        <SelectField label="Start from" id="starter" options={starters.map((s) => ({ value: s.id, label: s.label }))} />
      </div>
      <div className="min-w-48">
        <SelectField
          label="Workflow type"
          id="workflow_type"
          options={[
            { value: "default", label: "Verification (default)" },
            { value: "biometric_authentication", label: "Biometric re-auth" },
          ]}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        Create workflow
      </Button>
      {create.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
