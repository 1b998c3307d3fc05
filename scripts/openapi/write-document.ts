// npm run openapi: writes docs/openapi.json from the zod schemas (lib/api/openapi). Commit the result;
// a unit test fails while the committed file differs from what the code generates.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { formatCommittedDocument } from "@/lib/api/openapi/format-committed-document";

const file = path.resolve(import.meta.dirname, "..", "..", "docs", "openapi.json");
writeFileSync(file, formatCommittedDocument());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
