import { encodeJpeg } from "@/lib/media/encode-jpeg";
import type { EngineCrop, FaceExplanation } from "@/lib/vision";

/** A model crop as the console shows it: the crop's geometry with its pixels as a JPEG data URL. */
export type EncodedCrop = Omit<EngineCrop, "rgb"> & { image: string };
export type FaceOverlay = Omit<FaceExplanation, "crops"> & { crops: EncodedCrop[] };

// The crops are face pixels: they go to the browser inline and are never written anywhere.
export async function encodeEngineCrops(explained: FaceExplanation): Promise<FaceOverlay> {
  const crops = await Promise.all(
    explained.crops.map(async ({ rgb, ...c }) => ({ ...c, image: `data:image/jpeg;base64,${(await encodeJpeg({ data: rgb, width: c.width, height: c.height, format: "jpeg", originalWidth: c.width, originalHeight: c.height })).toString("base64")}` })),
  );
  return { ...explained, crops };
}
