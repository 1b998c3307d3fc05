import { MAX_MULTIPART_BYTES, MAX_ONE_IMAGE_MULTIPART_BYTES } from "@/lib/api/read-multipart-form";
import { faceMatchFormSchema, faceSearchFormSchema, passiveLivenessFormSchema } from "@/lib/checks/schemas";
import { faceMatchResponseSchema, faceSearchResponseSchema, passiveLivenessResponseSchema } from "./responses/checks";
import { keyed, upload, type Operation } from "./operation";

const atMost = (bytes: number) => `At most ${Math.round(bytes / (1024 * 1024))} MB in all.`;

// app/v3/face-match, passive-liveness, face-search: synchronous, multipart, no webhook.
export const checkOperations: Operation[] = [
  {
    method: "post",
    path: "/v3/face-match/",
    operationId: "faceMatch",
    tag: "Standalone checks",
    summary: "Compare two faces",
    description:
      "1:1 match of a selfie against a reference image. The score is symmetric (swapping the images gives the same score). Status from the two thresholds: below review -> In Review, below decline -> Declined. Warnings: NO_REFERENCE_IMAGE, NO_FACE_DETECTED, LOW_FACE_MATCH_SIMILARITY, MULTIPLE_FACES_DETECTED, LOW_FACE_QUALITY.",
    body: { kind: "multipart", schema: faceMatchFormSchema, required: true, description: atMost(MAX_MULTIPART_BYTES) },
    responses: { 200: { description: "The match result.", schema: faceMatchResponseSchema } },
    errors: [...keyed, ...upload],
  },
  {
    method: "post",
    path: "/v3/passive-liveness/",
    operationId: "passiveLiveness",
    tag: "Standalone checks",
    summary: "Single-frame liveness",
    description:
      "Passive liveness of one selfie, with face quality and luminance, and blocklist / duplicate checks against the faces this application has enrolled. Warnings: NO_FACE_DETECTED, LIVENESS_FACE_ATTACK, LOW_LIVENESS_SCORE, LOW_FACE_QUALITY, LOW_FACE_LUMINANCE, HIGH_FACE_LUMINANCE, MULTIPLE_FACES_DETECTED, FACE_IN_BLOCKLIST, DUPLICATED_FACE.",
    body: { kind: "multipart", schema: passiveLivenessFormSchema, required: true, description: atMost(MAX_ONE_IMAGE_MULTIPART_BYTES) },
    responses: { 200: { description: "The liveness result.", schema: passiveLivenessResponseSchema } },
    errors: [...keyed, ...upload],
  },
  {
    method: "post",
    path: "/v3/face-search/",
    operationId: "faceSearch",
    tag: "Standalone checks",
    summary: "Search a face among enrolled faces (1:N)",
    description: "Up to 5 matches, best first, among approved sessions, re-authentication enrolments and face-list entries of this application.",
    body: { kind: "multipart", schema: faceSearchFormSchema, required: true, description: atMost(MAX_ONE_IMAGE_MULTIPART_BYTES) },
    responses: { 200: { description: "The matches.", schema: faceSearchResponseSchema } },
    errors: [...keyed, ...upload],
  },
];
