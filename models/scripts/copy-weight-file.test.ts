import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { copyWeightFile } from "./copy-weight-file";
import { ONNX_DIR, readManifest, type FileModelEntry } from "./model-manifest";
import { prepareModels } from "./prepare";

// ONNX files kept in the repository (models/weights/) are byte copies of their upstream files: the
// manifest's sha256 (also in each SOURCE.md) must match the file in git and the copy prepare makes.
const root = fileURLToPath(new URL("../../", import.meta.url));
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const entries = readManifest().models.filter((m): m is FileModelEntry => m.converter === "file");
const scratch = mkdtempSync(join(tmpdir(), "weights-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("model files kept in the repository", () => {
  it("include the MiniFASNet pair", () => {
    expect(entries.map((e) => e.id).sort()).toEqual(["minifasnet-v1se", "minifasnet-v2"]);
  });

  it.each(entries.map((e) => [e.id, e]))("%s: the file, its SOURCE.md and the prepared copy carry the manifest's sha256", (_, entry) => {
    const source = join(root, entry.source.path);
    expect(sha256(source)).toBe(entry.sha256);
    expect(readFileSync(join(source, "..", "SOURCE.md"), "utf8")).toContain(entry.sha256);
    prepareModels({ log: () => {} });
    expect(sha256(join(ONNX_DIR, entry.file))).toBe(entry.sha256);
  });

  it("refuses a file whose checksum does not match and writes nothing", () => {
    const target = join(scratch, "model.onnx");
    expect(() => copyWeightFile({ ...entries[0], sha256: "0".repeat(64) }, target)).toThrow(/sha256/);
    expect(existsSync(target)).toBe(false);
    expect(copyWeightFile(entries[0], target)).toBe(true);
    expect(copyWeightFile(entries[0], target)).toBe(false);
  });
});
