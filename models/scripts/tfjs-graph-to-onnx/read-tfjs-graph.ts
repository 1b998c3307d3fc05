import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { TfGraph, TfNode } from "./convert-graph";
import { readTfjsWeights, type WeightsManifest } from "./read-tfjs-weights";

type ModelJson = {
  modelTopology: { node: TfNode[] };
  weightsManifest: WeightsManifest;
  signature?: Signature;
  userDefinedMetadata?: { signature?: Signature };
};
type Signature = {
  inputs: Record<string, { name: string; tensorShape: { dim: { size: string }[] } }>;
  outputs: Record<string, { name: string }>;
};

// Reads a TensorFlow.js graph model (model.json + shards) into the converter's input form.
// Output tensors are named after the signature keys (":0" stripped) so callers can find them.
export function readTfjsGraph(modelJsonPath: string): TfGraph {
  const json = JSON.parse(readFileSync(modelJsonPath, "utf8")) as ModelJson;
  const signature = json.signature ?? json.userDefinedMetadata?.signature;
  if (!signature) throw new Error(`${modelJsonPath}: graph model without a signature`);
  const input = Object.values(signature.inputs)[0];
  const inputShape = input.tensorShape.dim.map((d) => Number(d.size));
  const outputs = Object.entries(signature.outputs)
    .map(([key, o]) => ({ tfName: o.name, name: key.replace(/:0$/, "") }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    nodes: json.modelTopology.node,
    weights: readTfjsWeights(dirname(modelJsonPath), json.weightsManifest),
    inputShape,
    outputs,
  };
}
