import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;
type Compiled = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: unknown }[] | null };
export type ObservedResponse = { method: string; url: string; status: number; contentType: string | null; body: unknown };

const DOC_ID = "https://faceid.invalid/openapi.json";
const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const isErrorBody = (body: unknown) => typeof body === "object" && body !== null && typeof (body as { error?: { code?: unknown } }).error?.code === "string";

/**
 * Checks a response the API really sent against the OpenAPI document: the path and method must be
 * documented, the status listed for the operation, and the body valid against its schema (response
 * schemas reject undocumented fields). Returns the problems found, [] when it conforms.
 * Two answers are the document's general rules rather than operations: a path that does not exist
 * answers the error shape with 404 (or 401/429 before the key is checked), a method a path does not
 * serve answers it with 405 (or 401/429).
 */
export function createResponseValidator(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  ajv.addSchema({ ...document, $id: DOC_ID }, DOC_ID);
  const compiled = new Map<string, Compiled>();
  const compile = (pointer: string) => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `${DOC_ID}#${pointer}` }) as Compiled;
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const paths = Object.keys(document.paths as Json).map((template) => ({
    template,
    // {id} matches one segment; the trailing slash is optional (the slash-less form may also be served)
    pattern: new RegExp(`^${template.replace(/\/$/, "").replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  }));
  const errorSchema = compile("/components/schemas/Error");

  return function validateResponse(response: ObservedResponse): string[] {
    const method = response.method.toLowerCase();
    const pathname = new URL(response.url, "http://localhost").pathname;
    const where = `${response.method.toUpperCase()} ${pathname} -> ${response.status}`;
    const generalError = (allowed: number[], what: string) =>
      allowed.includes(response.status) && isErrorBody(response.body) && errorSchema(response.body) ? [] : [`${where}: ${what}`];

    const found = paths.find((p) => p.pattern.test(pathname));
    if (!found) return generalError([401, 404, 429], "undocumented route");
    const operation = (document.paths as Record<string, Record<string, Json>>)[found.template][method];
    if (!operation) return generalError([401, 405, 429], `method not documented for ${found.template}`);
    const documented = (operation.responses as Record<string, Json>)[String(response.status)];
    if (!documented) return [`${where}: status not documented for ${method.toUpperCase()} ${found.template}`];
    const content = documented.content as Record<string, Json> | undefined;
    if (!content) return response.body === undefined || response.body === null ? [] : [`${where}: a body was sent where none is documented`];
    const mediaType = (response.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (!content[mediaType]) return [`${where}: content type ${mediaType || "(none)"} not documented (${Object.keys(content).join(", ")})`];
    if (mediaType !== "application/json") return [];
    const pointer = `/paths/${escapePointer(found.template)}/${method}/responses/${response.status}/content/${escapePointer(mediaType)}/schema`;
    const validate = compile(pointer);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath || ""} ${e.message ?? "is invalid"}${e.params && "additionalProperty" in (e.params as Json) ? ` (${(e.params as Json).additionalProperty})` : ""}`);
  };
}
