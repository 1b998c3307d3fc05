import type { Metadata } from "next";
import { getServedDocument } from "@/lib/api/openapi/get-served-document";
import { ApiReferenceViewer } from "@/components/api-reference/api-reference-viewer";

export const metadata: Metadata = { title: "API reference" };

// /docs/api – the browsable reference of /v3, rendered from the same document as GET /v3/openapi.json.
// Public: integrators read it without a console account.
export default function ApiReferencePage() {
  return (
    <main className="min-h-full bg-white">
      <ApiReferenceViewer document={JSON.parse(getServedDocument().body)} />
    </main>
  );
}
