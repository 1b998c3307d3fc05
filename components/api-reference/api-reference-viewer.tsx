"use client";

import type { AnyApiReferenceConfiguration } from "@scalar/types/api-reference";
import dynamic from "next/dynamic";
import "@scalar/api-reference-react/style.css";

// The viewer mounts its own (Vue) app and reads window at import: client only.
const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <p className="p-8 text-sm text-slate-500">Loading the API reference…</p>,
});

// The product's look: brand blue, system fonts (no web fonts fetched), light theme like the console.
const customCss = `
.light-mode, .dark-mode {
  --scalar-color-accent: #1f57cc;
  --scalar-color-blue: #2f6fec;
  --scalar-background-accent: #eef6ff;
  --scalar-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
`;

// Code samples: curl, Node (fetch) and Python (requests) only.
const hiddenClients = {
  c: true, clojure: true, csharp: true, dart: true, fsharp: true, go: true, http: true, java: true, js: true, julia: true, kotlin: true,
  objc: true, ocaml: true, php: true, powershell: true, r: true, ruby: true, rust: true, swift: true,
  shell: ["httpie", "wget"], node: ["axios", "ofetch", "undici"], python: ["python3", "aiohttp", "httpx_sync", "httpx_async"],
} as const;

export function ApiReferenceViewer({ document }: { document: Record<string, unknown> }) {
  return (
    <ApiReferenceReact
      configuration={{
        content: document,
        theme: "default",
        customCss,
        withDefaultFonts: false,
        forceDarkModeState: "light",
        hideDarkModeToggle: true,
        telemetry: false,
        // its chat calls the vendor's hosted service: nothing on this page may leave the server
        agent: { disabled: true },
        showDeveloperTools: "never",
        hideClientButton: true,
        defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
        hiddenClients: hiddenClients as unknown as Record<string, boolean | string[]>,
        documentDownloadType: "json",
        // what the samples show in the x-api-key header until the reader types their own key
        authentication: { preferredSecurityScheme: "apiKey", securitySchemes: { apiKey: { value: "YOUR_API_KEY" } } },
        metaData: { title: "FaceID API reference" },
      } as AnyApiReferenceConfiguration}
    />
  );
}
