import { closeSync, openSync, readSync } from "node:fs";
import type { DecodedImage } from "@/lib/vision/types";

// The first frame of a 4:2:0 y4m (what Chromium's fake camera plays) as RGB, converted with BT.601
// limited-range coefficients as a browser shows an untagged SD video.
export function readY4mFrame(path: string): DecodedImage {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4096);
    readSync(fd, head, 0, head.length, 0);
    const headerEnd = head.indexOf(0x0a);
    const header = head.subarray(0, headerEnd).toString("latin1").split(" ");
    const width = Number(header.find((t) => t.startsWith("W"))!.slice(1));
    const height = Number(header.find((t) => t.startsWith("H"))!.slice(1));
    const colour = header.find((t) => t.startsWith("C"));
    if (colour && !colour.startsWith("C420")) throw new Error(`${path}: ${colour} is not 4:2:0`);
    const frameStart = head.indexOf(0x0a, headerEnd + 1) + 1; // after "FRAME\n"
    const cw = Math.ceil(width / 2), ch = Math.ceil(height / 2);
    const planes = Buffer.alloc(width * height + 2 * cw * ch);
    readSync(fd, planes, 0, planes.length, frameStart);
    const data = new Uint8Array(width * height * 3);
    const u0 = width * height, v0 = u0 + cw * ch;
    const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const c = (y >> 1) * cw + (x >> 1);
        const l = 1.164 * (planes[y * width + x] - 16), u = planes[u0 + c] - 128, v = planes[v0 + c] - 128;
        const i = (y * width + x) * 3;
        data[i] = clamp(l + 1.596 * v);
        data[i + 1] = clamp(l - 0.392 * u - 0.813 * v);
        data[i + 2] = clamp(l + 2.017 * u);
      }
    return { data, width, height };
  } finally {
    closeSync(fd);
  }
}
