import { buildOpenApiDocument } from "./build-openapi-document";

// docs/openapi.json: the document for a local server, pretty-printed so review diffs show API changes.
export function formatCommittedDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument({ serverUrl: "http://localhost:3000" }), null, 2)}\n`;
}
