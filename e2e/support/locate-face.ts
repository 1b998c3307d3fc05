// `tsx e2e/support/locate-face.ts <image>` prints the largest face's box as JSON. Run as its own process
// so Playwright's loader never has to load the vision engine.
import { readFileSync } from "node:fs";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { analyzeFace } from "@/lib/vision";

const image = await decodeImageOrThrow(readFileSync(process.argv[2]));
const face = (await analyzeFace(image, { embed: false })).faces[0];
process.stdout.write(JSON.stringify(face ? { ...face.box, imageWidth: image.width, imageHeight: image.height } : null));
