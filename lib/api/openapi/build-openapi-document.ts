import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { buildWebhooks } from "./build-webhooks";
import examples from "./examples.json";
import type { Operation } from "./operation";
import { checkOperations } from "./operations-checks";
import { sessionOperations } from "./operations-sessions";
import { webhookOperations } from "./operations-webhooks";
import { workflowOperations } from "./operations-workflows";
import { documentOperation } from "./operations-document";
import { errorSchema, graphErrorSchema } from "./responses/common";
import { webhookPayloadSchema } from "./responses/webhook-events";

type Json = Record<string, unknown>;
type Examples = { operations: Record<string, Record<string, unknown>>; webhook: { payload: unknown; headers: Record<string, string> } };

export const operations: Operation[] = [...checkOperations, ...sessionOperations, ...workflowOperations, ...webhookOperations, documentOperation];

const ref = (id: string) => `#/components/schemas/${id}`;
const statusText: Record<number, string> = {
  400: "Invalid request: a field is missing or wrong (`field` names it).",
  401: "Missing, wrong or revoked API key.",
  404: "No such resource for this application (another application's ids are not found either).",
  408: "The request body did not arrive in time.",
  409: "Conflict with the resource's current state.",
  413: "The body is too large.",
  415: "Wrong content type, or an image format that is not JPEG, PNG or WEBP.",
  422: "Understood but not processable (e.g. an undecodable image, too many pixels, an invalid workflow graph).",
  429: "Too many requests; see Retry-After.",
  500: "Something went wrong on the server.",
  503: "At capacity or shutting down; retry after Retry-After.",
};

const withoutKeys = (json: Json, keys: string[]) => Object.fromEntries(Object.entries(json).filter(([k]) => !keys.includes(k)));

// Component schemas: every schema given an id with .meta({ id }), output side (what the server sends).
function componentSchemas(): Json {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", io: "output", unrepresentable: "any", uri: ref }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutKeys(schema, ["$schema", "$id"])]));
}

// Request side of a route's own zod schema (defaults shown, transforms ignored), inlined.
function requestSchema(schema: z.ZodType): Json {
  return withoutKeys(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Json, ["$schema"]);
}

function schemaRef(schema: z.ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: ref(id) } : requestSchema(schema);
}

function parameters(op: Operation): Json[] {
  const path = Object.entries(op.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } }));
  const query = op.query ? Object.entries((requestSchema(op.query).properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({ name, in: "query", required: false, ...(schema.description ? { description: schema.description } : {}), schema })) : [];
  return [...path, ...query];
}

function responses(op: Operation, opExamples: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const example = opExamples[status];
    out[status] = r.schema
      ? { description: r.description, content: { [r.contentType ?? "application/json"]: { schema: schemaRef(r.schema), ...(example !== undefined ? { example } : {}) } } }
      : { description: r.description };
  }
  const graphErrors = op.tag === "Workflows" && op.body !== undefined;
  for (const status of op.errors) {
    const example = opExamples[String(status)];
    const schema = graphErrors && status === 422 ? { anyOf: [{ $ref: ref("Error") }, { $ref: ref("GraphError") }] } : { $ref: ref("Error") };
    out[status] = { description: statusText[status] ?? "Error.", content: { "application/json": { schema, ...(example !== undefined ? { example } : {}) } } };
  }
  return out;
}

function operationObject(op: Operation, all: Examples): Json {
  const opExamples = all.operations[op.operationId] ?? {};
  const params = parameters(op);
  const bodyExample = opExamples.request;
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.body.required ?? true,
            ...(op.body.description ? { description: op.body.description } : {}),
            content: { [op.body.kind === "json" ? "application/json" : "multipart/form-data"]: { schema: requestSchema(op.body.schema), ...(bodyExample !== undefined ? { example: bodyExample } : {}) } },
          },
        }
      : {}),
    responses: responses(op, opExamples),
  };
}

/**
 * The OpenAPI 3.1 document of /v3, generated from the zod schemas the handlers validate with and the
 * response schemas in ./responses. Deterministic for a given `serverUrl` (docs/openapi.json is
 * committed and compared in a test).
 */
export function buildOpenApiDocument(input: { serverUrl: string }): Json {
  // referenced by responses() and the webhooks: make sure they are registered before the registry is read
  void [errorSchema, graphErrorSchema, webhookPayloadSchema];
  const all = examples as Examples;
  const paths: Record<string, Json> = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op, all) };
  return {
    openapi: "3.1.0",
    info: {
      title: "FaceID verification API",
      version: "3",
      description:
        "Face match, passive liveness, 1:N face search, hosted verification sessions, workflows and webhooks. Wire-compatible with the hosted service's `/v3` API: point the same client at this server. Every path ends with a slash and is served exactly there (no redirects). Errors share one shape: `{\"error\": {\"code\", \"message\", \"field\"?}}`; a method a path does not serve answers 405, a path that does not exist 404. Examples were recorded from a real server.",
    },
    servers: [{ url: input.serverUrl }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Standalone checks", description: "Synchronous checks on uploaded images (multipart/form-data)." },
      { name: "Sessions", description: "Hosted verification sessions and their decisions." },
      { name: "Workflows", description: "Which checks a session runs, in which order." },
      { name: "Webhooks", description: "Destinations, deliveries and the signed events they receive." },
      { name: "Reference", description: "This document." },
    ],
    paths,
    webhooks: buildWebhooks({ payloadRef: ref("WebhookPayload"), examples: all.webhook }),
    components: {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "x-api-key", description: "The application's API key (console: API keys)." } },
      schemas: componentSchemas(),
    },
    "x-error-codes": errorStatus,
  };
}
