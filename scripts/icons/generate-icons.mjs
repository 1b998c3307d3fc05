// npm run icons: the favicon and app icons in public/, all drawn from scripts/icons/icon.svg (the
// product's own artwork). Run again after changing the SVG and commit the results.
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..", "..");
const source = path.join(import.meta.dirname, "icon.svg");
const out = (name) => path.join(root, "public", name);
const png = (size, background) => {
  const image = sharp(source, { density: Math.ceil((72 * size) / 512) * 2 }).resize(size, size);
  return (background ? image.flatten({ background }) : image).png({ compressionLevel: 9 }).toBuffer();
};

// ICO: a directory of PNG images (every browser since IE Vista reads PNG inside ICO)
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

copyFileSync(source, out("icon.svg"));
writeFileSync(out("favicon.ico"), ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) })))));
writeFileSync(out("icon-192.png"), await png(192));
writeFileSync(out("icon-512.png"), await png(512));
// iOS draws its own rounded corners and shows transparency as black: a full square on white
writeFileSync(out("apple-touch-icon.png"), await png(180, "#1f57cc"));
console.log("public/: favicon.ico, icon.svg, icon-192.png, icon-512.png, apple-touch-icon.png");
