import { readFileSync } from "node:fs";

export type IrPort = { id: number; dims: number[]; precision?: string };
export type IrLayer = { id: number; name: string; type: string; version: string; data: Record<string, string>; inputs: IrPort[]; outputs: IrPort[] };
export type IrEdge = { fromLayer: number; fromPort: number; toLayer: number; toPort: number };
export type IrConstant = { shape: number[]; elementType: string; data: Float32Array | BigInt64Array | Int32Array; raw: Uint8Array };
export type IrModel = { name: string; version: number; layers: IrLayer[]; edges: IrEdge[]; constants: Map<number, IrConstant> };

type Element = { tag: string; attrs: Record<string, string>; children: Element[]; text: string };

// Just enough XML for OpenVINO IR: elements, attributes, text; no DTD, CDATA or entities besides
// the five predefined ones (the IR writer emits nothing else).
function parseXml(xml: string): Element {
  const root: Element = { tag: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  for (const [token] of xml.matchAll(/<!--[\s\S]*?-->|<[^>]+>|[^<]+/g)) {
    if (token.startsWith("<?") || token.startsWith("<!--")) continue;
    const top = stack[stack.length - 1];
    if (!token.startsWith("<")) { top.text += unescape(token); continue; }
    if (token.startsWith("</")) {
      if (stack.pop()?.tag !== token.slice(2, -1).trim()) throw new Error(`IR XML: unexpected ${token}`);
      continue;
    }
    const [, tag, rest] = /^<([\w:.-]+)([\s\S]*?)\/?>$/.exec(token) ?? [];
    if (!tag) throw new Error(`IR XML: cannot read ${token.slice(0, 40)}`);
    const attrs: Record<string, string> = {};
    for (const [, k, v] of rest.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[k] = unescape(v);
    const element: Element = { tag, attrs, children: [], text: "" };
    top.children.push(element);
    if (!token.endsWith("/>")) stack.push(element);
  }
  if (stack.length !== 1) throw new Error("IR XML: unclosed elements");
  return root;
}

const child = (e: Element, tag: string) => e.children.find((c) => c.tag === tag);
const ports = (e: Element | undefined): IrPort[] =>
  (e?.children ?? []).filter((p) => p.tag === "port").map((p) => ({ id: Number(p.attrs.id), precision: p.attrs.precision, dims: p.children.filter((d) => d.tag === "dim").map((d) => Number(d.text.trim())) }));

/** An OpenVINO IR (v10/v11): the layers and edges of the .xml and every Const's values from the .bin. */
export function readIr(xmlPath: string, binPath: string): IrModel {
  const net = child(parseXml(readFileSync(xmlPath, "utf8")), "net");
  if (!net) throw new Error(`${xmlPath}: no <net>`);
  const version = Number(net.attrs.version);
  if (version < 10) throw new Error(`${xmlPath}: IR v${version}; only v10 and v11 (opset-based) are supported`);
  const layers = (child(net, "layers")?.children ?? []).map((l) => ({
    id: Number(l.attrs.id),
    name: l.attrs.name,
    type: l.attrs.type,
    version: l.attrs.version,
    data: child(l, "data")?.attrs ?? {},
    inputs: ports(child(l, "input")),
    outputs: ports(child(l, "output")),
  }));
  const edges = (child(net, "edges")?.children ?? []).map((e) => ({ fromLayer: Number(e.attrs["from-layer"]), fromPort: Number(e.attrs["from-port"]), toLayer: Number(e.attrs["to-layer"]), toPort: Number(e.attrs["to-port"]) }));
  const bin = readFileSync(binPath);
  const constants = new Map<number, IrConstant>();
  for (const l of layers.filter((x) => x.type === "Const")) {
    const offset = Number(l.data.offset), size = Number(l.data.size);
    if (offset + size > bin.length) throw new Error(`${l.name}: bytes ${offset}+${size} lie past the end of ${binPath}`);
    const raw = new Uint8Array(bin.subarray(offset, offset + size));
    const shape = l.data.shape.trim() === "" ? [] : l.data.shape.split(",").map((d) => Number(d.trim()));
    constants.set(l.id, { shape, elementType: l.data.element_type, raw, data: decodeConstant(l.data.element_type, raw, shape, l.name) });
  }
  return { name: net.attrs.name, version, layers, edges, constants };
}

function decodeConstant(type: string, raw: Uint8Array, shape: number[], name: string): Float32Array | BigInt64Array | Int32Array {
  const count = shape.reduce((a, b) => a * b, 1);
  const bytes = { f16: 2, f32: 4, i64: 8, i32: 4 }[type];
  if (!bytes) throw new Error(`${name}: constants of type ${type} are not supported`);
  if (raw.length !== count * bytes) throw new Error(`${name}: ${raw.length} bytes for ${count} values of ${type}`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (type === "f16") return Float32Array.from({ length: count }, (_, i) => halfToFloat(view.getUint16(i * 2, true)));
  if (type === "f32") return Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
  if (type === "i32") return Int32Array.from({ length: count }, (_, i) => view.getInt32(i * 4, true));
  return BigInt64Array.from({ length: count }, (_, i) => view.getBigInt64(i * 8, true));
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half -> single, bit for bit (every half is exactly representable as a single). */
export function halfToFloat(h: number): number {
  const sign = (h & 0x8000) << 16;
  let exponent = (h >> 10) & 0x1f;
  let mantissa = h & 0x3ff;
  if (exponent === 0x1f) u32[0] = sign | 0x7f800000 | (mantissa << 13);
  else if (exponent !== 0) u32[0] = sign | ((exponent + 112) << 23) | (mantissa << 13);
  else if (mantissa === 0) u32[0] = sign;
  else {
    // subnormal half: normalise the mantissa into a single's normal range
    exponent = 113;
    while ((mantissa & 0x400) === 0) { mantissa <<= 1; exponent--; }
    u32[0] = sign | (exponent << 23) | ((mantissa & 0x3ff) << 13);
  }
  return f32[0];
}
