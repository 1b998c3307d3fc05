import onnxProto from "onnx-proto";

// onnx-proto is CommonJS; the namespace only exists on the default export under ESM.
export const { onnx } = onnxProto;

type Attr = number | number[] | string | Float32Array | { floats: number[] } | { tensor: Tensor };
export type Tensor = { name: string; dims: number[]; data: Float32Array | Int32Array | BigInt64Array };

// Collects nodes and initializers so converters can emit a graph without touching protobuf types.
export type GraphBuilder = ReturnType<typeof createGraphBuilder>;

export function createGraphBuilder(prefix = "") {
  const nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  const initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  let counter = 0;
  const fresh = (hint: string) => `${prefix}${hint}__${counter++}`;

  function constant(hint: string, dims: number[], data: Float32Array | Int32Array | BigInt64Array): string {
    const name = fresh(hint);
    initializers.push(toTensorProto({ name, dims, data }));
    return name;
  }

  function node(opType: string, inputs: string[], attrs: Record<string, Attr> = {}, outputName?: string): string {
    const output = outputName ?? fresh(opType.toLowerCase());
    nodes.push(
      onnx.NodeProto.create({
        opType,
        input: inputs,
        output: [output],
        name: `${output}/${opType}`,
        attribute: Object.entries(attrs).map(([name, value]) => toAttribute(name, value)),
      }),
    );
    return output;
  }

  function int64s(hint: string, values: number[]): string {
    return constant(hint, [values.length], BigInt64Array.from(values.map((v) => BigInt(v))));
  }

  function build(options: { inputs: { name: string; shape: (number | string)[] }[]; outputs: { name: string; shape?: (number | string)[] }[]; docString: string }): Uint8Array {
    const valueInfo = (v: { name: string; shape?: (number | string)[] }) =>
      onnx.ValueInfoProto.create({
        name: v.name,
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            ...(v.shape ? { shape: { dim: v.shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) } } : {}),
          },
        },
      });
    const model = onnx.ModelProto.create({
      irVersion: 7,
      producerName: "faceid-models-prepare",
      docString: options.docString,
      opsetImport: [{ domain: "", version: 13 }],
      graph: {
        name: "main",
        node: nodes,
        initializer: initializers,
        input: options.inputs.map(valueInfo),
        output: options.outputs.map(valueInfo),
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  return { constant, node, int64s, build, fresh };
}

function toTensorProto(t: Tensor) {
  const dataType =
    t.data instanceof Float32Array
      ? onnx.TensorProto.DataType.FLOAT
      : t.data instanceof Int32Array
        ? onnx.TensorProto.DataType.INT32
        : onnx.TensorProto.DataType.INT64;
  // rawData is little-endian bytes, which is what typed arrays hold on every platform Node runs on.
  const rawData = new Uint8Array(t.data.buffer.slice(t.data.byteOffset, t.data.byteOffset + t.data.byteLength));
  return onnx.TensorProto.create({ name: t.name, dims: t.dims, dataType, rawData });
}

function toAttribute(name: string, value: Attr) {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === "number") return onnx.AttributeProto.create({ name, type: T.INT, i: value });
  if (typeof value === "string") return onnx.AttributeProto.create({ name, type: T.STRING, s: new TextEncoder().encode(value) });
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: T.INTS, ints: value });
  if (value instanceof Float32Array) return onnx.AttributeProto.create({ name, type: T.FLOAT, f: value[0] });
  if ("floats" in value) return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: value.floats });
  return onnx.AttributeProto.create({ name, type: T.TENSOR, t: toTensorProto(value.tensor) });
}
