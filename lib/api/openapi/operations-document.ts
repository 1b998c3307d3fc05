import { z } from "zod";
import type { Operation } from "./operation";

// app/v3/openapi.json: this document itself, without a key.
export const documentOperation: Operation = {
  method: "get",
  path: "/v3/openapi.json",
  operationId: "getOpenApiDocument",
  tag: "Reference",
  summary: "This OpenAPI document",
  description: "Public and cacheable (ETag; If-None-Match answers 304).",
  public: true,
  responses: { 200: { description: "The OpenAPI 3.1 document.", schema: z.record(z.string(), z.unknown()) }, 304: { description: "Not modified (If-None-Match matched the ETag)." } },
  errors: [],
};
