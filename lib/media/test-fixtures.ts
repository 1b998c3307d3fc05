// Helpers shared by the media tests; they build images in memory so no dataset file is copied into the repo.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import sharp, { type Color, type Sharp } from "sharp";
import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import { datasetsForSuite } from "@/lib/vision/datasets";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Resolves a dataset file from an env var (relative to the repo root) or returns null when absent. */
export function findDatasetFile(envName: string, fallback: string, relativePath: string): string | null {
  const file = path.resolve(REPO_ROOT, process.env[envName] ?? fallback, relativePath);
  if (fs.existsSync(file)) return file;
  datasetsForSuite("media tests", [file]);
  return null;
}

export function solidImage(options: { width: number; height: number; channels?: 3 | 4; colour?: Color }) {
  const { width, height, channels = 3, colour = { r: 200, g: 120, b: 60 } } = options;
  return sharp({ create: { width, height, channels, background: colour } });
}

/** Left half red, right half blue: makes rotations observable. */
export async function splitImage(width: number, height: number): Promise<Sharp> {
  const half = await solidImage({ width: width / 2, height, colour: { r: 0, g: 0, b: 255 } }).png().toBuffer();
  return solidImage({ width, height, colour: { r: 255, g: 0, b: 0 } }).composite([
    { input: half, left: width / 2, top: 0 },
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid 1-bit greyscale PNG of width x height that compresses to a few KB: the classic pixel
 * flood (decoding it to RGB would need 3 bytes per pixel).
 */
export function pixelFloodPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Reads the RGB triple at (x, y) of a decoded image. */
export function pixelAt(image: { data: Uint8Array; width: number }, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 3;
  return Array.from(image.data.subarray(offset, offset + 3));
}

/** Awaits a rejection, checks it is an AppError fit for API clients, and returns it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  // Messages go to API clients: no stack frames, no libvips internals.
  expect(appError.message).not.toMatch(/\n|\bat \S+:\d+|vips/i);
  return appError;
}
