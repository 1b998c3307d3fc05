// `tsx e2e/support/locate-mesh.ts <image>` prints the largest face's FaceMesh (468 points: x, y in image
// pixels, z depth in pixels, smaller is nearer the camera) and its pose as JSON. Its own process, so
// Playwright's loader never has to load the vision engine.
import { readFileSync } from "node:fs";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { analyzeFace } from "@/lib/vision";
import { estimatePose } from "@/lib/vision/quality";

const image = await decodeImageOrThrow(readFileSync(process.argv[2]));
const face = (await analyzeFace(image, { embed: false })).faces[0];
process.stdout.write(JSON.stringify(face ? { mesh: Array.from(face.mesh, (v) => Math.round(v * 10) / 10), pose: estimatePose(face.mesh), box: face.box, imageWidth: image.width, imageHeight: image.height } : null));
