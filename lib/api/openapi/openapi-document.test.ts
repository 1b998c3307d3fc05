import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";
import { createResponseValidator } from "./create-response-validator";
import { findRouteOperations, findServedMethods } from "./find-route-operations";
import { formatCommittedDocument } from "./format-committed-document";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const document = buildOpenApiDocument({ serverUrl: "http://localhost:3000" });
const documented = (doc: Record<string, unknown>) =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
const undocumented = (dir: string) => findRouteOperations({ dir, base: "/v3" }).map((r) => `${r.method} ${r.path}`).filter((op) => !documented(document).includes(op));

describe("the OpenAPI document", () => {
  const temp: string[] = [];
  afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("documents every method every route file under app/v3 serves, and nothing else", () => {
    const routes = findRouteOperations({ dir: path.join(root, "app", "v3"), base: "/v3" }).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((op) => !documented(document).includes(op))).toEqual([]);
    expect(documented(document).filter((op) => !routes.includes(op))).toEqual([]);
  });

  it("notices a route file that has no operation in the document", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faceid-routes-"));
    temp.push(dir);
    mkdirSync(path.join(dir, "workflows", "[id]", "archive"), { recursive: true });
    writeFileSync(
      path.join(dir, "workflows", "[id]", "archive", "route.ts"),
      'export const POST = withApiKey(async () => NextResponse.json({}));\nexport const GET = methodNotAllowed(["POST"]);\nexport const PUT = GET;\n',
    );
    expect(undocumented(dir)).toEqual(["POST /v3/workflows/{id}/archive/"]);
  });

  it("reads the served methods of the export styles route files use", () => {
    const source = [
      "const actorOf = (x) => x;",
      "export const GET = withApiKey(async () => x);",
      "export async function PATCH(req) {}",
      'export const POST = methodNotAllowed(["GET"]);',
      "export const PUT = POST;",
      'const notAllowed = withApiKey(async (req) => {\n  throw new AppError("method_not_allowed", "no");\n});',
      "export { notAllowed as DELETE };",
    ].join("\n");
    expect(findServedMethods(source)).toEqual(["GET", "PATCH"]);
  });

  it("is committed as docs/openapi.json exactly as generated (run npm run openapi after an API change)", () => {
    const committed = readFileSync(path.join(root, "docs", "openapi.json"), "utf8");
    expect(committed === formatCommittedDocument(), "docs/openapi.json is stale: run `npm run openapi` and commit it").toBe(true);
  });

  it("has an example recorded from a real server for every successful JSON response", () => {
    const missing: string[] = [];
    for (const [p, ops] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>)) {
      for (const [m, op] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) < 300 && r.content?.["application/json"] && r.content["application/json"].example === undefined && p !== "/v3/openapi.json") missing.push(`${m} ${p} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("describes the recorded examples: each is valid against its own response schema", () => {
    const validate = createResponseValidator(document);
    const problems: string[] = [];
    let checked = 0;
    for (const [p, ops] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>)) {
      for (const [m, op] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          const example = r.content?.["application/json"]?.example;
          if (example === undefined) continue;
          checked++;
          problems.push(...validate({ method: m, url: p.replace(/\{id\}/g, "x"), status: Number(status), contentType: "application/json", body: example }));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
