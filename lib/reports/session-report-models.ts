import type { Db } from "@/lib/db";
import manifest from "@/models/manifest.json";

const versioned = (id: string) => {
  const m = manifest.models.find((x) => x.id === id);
  return m ? `${id}@${m.sha256.slice(0, 12)}` : id;
};

// The models behind the session's scores. The recogniser is the one stored with the face templates
// the session made or compared against (exact); detection and liveness models are not stored per check,
// so they are the ones this deployment ships (their checksums pin the version).
export async function describeSessionModels(db: Db, input: { sessionId: string; referenceTemplateId: string | null; hasLiveness: boolean }) {
  const templates = await db.faceTemplate.findMany({
    where: { OR: [{ sessionId: input.sessionId }, ...(input.referenceTemplateId ? [{ id: input.referenceTemplateId }] : [])] },
    select: { id: true, modelId: true },
    take: 20,
  });
  const recognisers = [...new Set(templates.map((t) => t.modelId))];
  return [
    { role: "Face detection and landmarks", model: `${versioned("blazeface")}, ${versioned("facemesh")}`, note: "shipped with this deployment" },
    ...(recognisers.length ? [{ role: "Face recogniser (face match, 1:N search)", model: recognisers.join(", "), note: "stored with the face templates" }] : []),
    ...(input.hasLiveness ? [{ role: "Passive liveness (ensemble)", model: `${versioned("minifasnet-v2")} + ${versioned("minifasnet-v1se")}`, note: "shipped with this deployment" }] : []),
  ];
}
