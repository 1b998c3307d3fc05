import * as ort from "onnxruntime-node";
import { applyAffine } from "./affine";
import { getBuiltinSession, runModel } from "./model-sessions";
import { inputBuffer } from "./input-buffers";
import type { Affine, DecodedImage, Point } from "./types";
import { squareCropMatrix, warpToTensor } from "./warp-to-tensor";

export const MESH_SIZE = 192;
export type MeshRoi = { cx: number; cy: number; size: number; angle: number };
export type MeshResult = { mesh: Float32Array; faceScore: number; crop: Affine };

// Runs FaceMesh on a batch of face regions (square, rotated so the eyes are level) and maps the
// 468 points back to image coordinates. maxSamples: anti-aliasing of the crop (see warpToTensor).
export async function predictMeshes(image: DecodedImage, rois: MeshRoi[], { maxSamples = 2 } = {}): Promise<MeshResult[]> {
  if (rois.length === 0) return [];
  const per = MESH_SIZE * MESH_SIZE * 3;
  const input = inputBuffer("facemesh", per * rois.length);
  const crops = rois.map((roi, i) => {
    const crop = squareCropMatrix({ ...roi, out: MESH_SIZE });
    warpToTensor({ image, dstToSrc: crop, width: MESH_SIZE, height: MESH_SIZE, layout: "nhwc", mean: [0, 0, 0], scale: [1 / 255, 1 / 255, 1 / 255], maxSamples, out: input, offset: i * per });
    return crop;
  });
  const session = await getBuiltinSession("facemesh");
  const out = await runModel(session, { input: new ort.Tensor("float32", input, [rois.length, MESH_SIZE, MESH_SIZE, 3]) });
  const meshes = out.output_mesh.data as Float32Array;
  const flags = out.output_faceflag.data as Float32Array;
  return crops.map((crop, i) => {
    const scale = rois[i].size / MESH_SIZE;
    const mesh = new Float32Array(468 * 3);
    for (let p = 0; p < 468; p++) {
      const src = i * 1404 + p * 3;
      const [x, y] = applyAffine(crop, [meshes[src], meshes[src + 1]] as Point);
      mesh[p * 3] = x;
      mesh[p * 3 + 1] = y;
      mesh[p * 3 + 2] = meshes[src + 2] * scale;
    }
    return { mesh, faceScore: flags[i], crop };
  });
}
