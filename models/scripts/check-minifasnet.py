#!/usr/bin/env python3
"""Checks that the MiniFASNet ONNX files hold the weights of the upstream PyTorch checkpoints.

Development only (npm install, start and test never run it). Needs torch and onnx:
  apt-get install python3-torch python3-onnx
  python3 models/scripts/check-minifasnet.py --pth-dir ../shared/models-src/minifasnet

The ONNX export folded every BatchNorm2d into the convolution before it, so each checkpoint
convolution is folded the same way here (W * g / sqrt(var + eps), (b - mean) * g / sqrt(var + eps) + beta)
and compared with the ONNX initializer that the node of the same module path reads.
"""
import argparse
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

MODELS = ["2.7_80x80_MiniFASNetV2", "4_0_0_80x80_MiniFASNetV1SE"]
EPS = 1e-5  # BatchNorm default; the one BatchNormalization node left in the graph says the same


def module_path(node_name):
    # "/conv_3/model/model.0/conv/conv/Conv" -> "conv_3.model.0.conv.conv"
    parts = node_name.strip("/").split("/")[:-1]
    return ".".join(p.split(".")[-1] for p in parts)


def load_state_dict(path):
    state = torch.load(path, map_location="cpu")
    return {k[len("module."):] if k.startswith("module.") else k: v.double().numpy() for k, v in state.items()}


def batchnorm_of(conv_path):
    # Conv_block / Linear_block: <p>.conv + <p>.bn; SE module: <p>.fc1 + <p>.bn1, <p>.fc2 + <p>.bn2
    head, _, leaf = conv_path.rpartition(".")
    return f"{head}.bn" if leaf == "conv" else f"{head}.bn{leaf[-1]}"


def fold(state, conv_path):
    bn = batchnorm_of(conv_path)
    gamma, beta = state[f"{bn}.weight"], state[f"{bn}.bias"]
    mean, var = state[f"{bn}.running_mean"], state[f"{bn}.running_var"]
    scale = gamma / np.sqrt(var + EPS)
    weight = state[f"{conv_path}.weight"] * scale.reshape(-1, 1, 1, 1)
    bias = state.get(f"{conv_path}.bias", np.zeros_like(mean))
    return weight, (bias - mean) * scale + beta


def expected_tensors(graph, state):
    """(label, onnx initializer name, expected array) for every initializer the graph reads."""
    out = []
    for node in graph.node:
        path = module_path(node.name)
        if node.op_type == "Conv":
            weight, bias = fold(state, path)
            out.append((f"{path} weight (BN folded)", node.input[1], weight))
            out.append((f"{path} bias (BN folded)", node.input[2], bias))
        elif node.op_type == "PRelu":
            slope = state[f"{path}.weight"]
            out.append((f"{path} slope", node.input[1], slope.reshape(-1, 1, 1)))
        elif node.op_type == "MatMul":
            out.append((f"{path} weight (transposed)", node.input[1], state[f"{path}.weight"].T))
        elif node.op_type == "BatchNormalization":
            for name, key in zip(node.input[1:], ["weight", "bias", "running_mean", "running_var"]):
                out.append((f"{path} {key}", name, state[f"{path}.{key}"]))
    return out


def check(onnx_path, pth_path, tolerance, verbose):
    model = onnx.load(onnx_path)
    # float initializers only: the one int64 initializer is the Reshape's target shape
    inits = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in model.graph.initializer if i.data_type == onnx.TensorProto.FLOAT}
    state = load_state_dict(pth_path)
    rows = expected_tensors(model.graph, state)
    used = {name for _, name, _ in rows}
    worst, matched = 0.0, 0
    for label, name, expected in rows:
        got = inits[name]
        if got.shape != expected.shape:
            print(f"  MISMATCH {label}: shape {got.shape} vs {expected.shape}")
            continue
        diff = float(np.max(np.abs(got - expected))) if got.size else 0.0
        worst = max(worst, diff)
        ok = diff <= tolerance
        matched += ok
        if verbose or not ok:
            print(f"  {'ok ' if ok else 'BAD'} {label:<48} {str(tuple(got.shape)):<18} max |diff| {diff:.3g}")
    # every checkpoint tensor must have been used (num_batches_tracked carries no weights)
    consumed = {k for k in state if not k.endswith("num_batches_tracked")}
    for label, _, _ in rows:
        path = label.split(" ")[0]
        consumed -= {k for k in list(consumed) if k.startswith(path + ".") or k.startswith(batchnorm_of(path) + ".")}
    unused_inits = [n for n in inits if n not in used]
    print(f"{os.path.basename(onnx_path)}: {matched}/{len(rows)} tensors within {tolerance:g}, max |diff| {worst:.3g}; "
          f"checkpoint tensors not found in the graph: {len(consumed)}; initializers not compared: {len(unused_inits)}")
    return matched == len(rows) and not consumed and not unused_inits


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pth-dir", default="../shared/models-src/minifasnet")
    parser.add_argument("--onnx-dir", default=os.path.join(os.path.dirname(__file__), "..", "weights", "minifasnet"))
    parser.add_argument("--tolerance", type=float, default=1e-5)
    parser.add_argument("--verbose", action="store_true", help="one line per tensor")
    args = parser.parse_args()
    results = [check(os.path.join(args.onnx_dir, f"{m}.onnx"), os.path.join(args.pth_dir, f"{m}.pth"), args.tolerance, args.verbose) for m in MODELS]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
