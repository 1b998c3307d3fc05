import { describeMatch, lookUpMatchedFace, matchAdditionalData } from "@/lib/checks/describe-matched-face";
import type { Db } from "@/lib/db";
import { getSyncedFaceIndex } from "@/lib/search/sync-face-index";
import type { FaceSearchHit } from "@/lib/search/types";
import { getScoreCalibration, scoreFromCosine } from "@/lib/vision/score-calibration";
import { createWarning, type Warning } from "@/lib/verification/warnings";

export type FaceMatchHit = FaceSearchHit & { similarity: number };

// 1:N against the application's enrolled faces; similarity is the same calibrated 0-100 score as 1:1.
export async function findFaceMatches(input: { applicationId: string; embedding: Float32Array; modelId: string; k?: number; minSimilarity: number }): Promise<FaceMatchHit[]> {
  const index = await getSyncedFaceIndex(input.applicationId, input.modelId);
  if (index.size === 0) return [];
  const calibration = getScoreCalibration(input.modelId);
  return index
    .search(input.embedding, { k: input.k ?? 5 })
    .map((hit) => ({ ...hit, similarity: Math.round(scoreFromCosine(hit.cosine, calibration)) }))
    .filter((hit) => hit.similarity >= input.minSimilarity);
}

// Blocklist hits and faces enrolled for someone else, as warnings that name what they matched (a face
// enrolled for the same vendor_data is that user returning, not a duplicate).
export async function describeListWarnings(db: Db, input: { applicationId: string; hits: FaceMatchHit[]; vendorData: string | null }): Promise<Warning[]> {
  const warnings: Warning[] = [];
  const { hits, vendorData } = input;
  const blocked = hits.find((h) => h.entry.listKind === "blocklist");
  const duplicate = hits.find((h) => h.entry.kind !== "list" && (!vendorData || h.entry.vendorData !== vendorData));
  for (const [risk, hit] of [["FACE_IN_BLOCKLIST", blocked], ["DUPLICATED_FACE", duplicate]] as const) {
    if (!hit) continue;
    const matched = await lookUpMatchedFace(db, { applicationId: input.applicationId, hit });
    warnings.push(createWarning(risk, describeMatch(matched), matchAdditionalData(risk, matched)));
  }
  return warnings;
}

// Blocklist hit -> Declined; a duplicate -> In Review; nothing -> Approved.
export function listWarningsStatus(warnings: Warning[]): "Approved" | "In Review" | "Declined" {
  if (warnings.some((w) => w.risk === "FACE_IN_BLOCKLIST")) return "Declined";
  return warnings.length ? "In Review" : "Approved";
}
