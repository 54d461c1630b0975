import * as ort from "onnxruntime-node";
import type { Tensor } from "../index.js";

/** Pipeline tensor → onnxruntime tensor (shares the buffer, no copy). */
export function toOrtTensor(tensor: Tensor): ort.Tensor {
  return new ort.Tensor(tensor.type, tensor.data, [...tensor.dims]);
}

/** onnxruntime tensor → pipeline tensor; only float32 and int64 outputs exist in a model package. */
export function fromOrtTensor(name: string, value: ort.OnnxValue): Tensor {
  const tensor = value as ort.Tensor;
  if (tensor.type === "float32") return { type: "float32", data: tensor.data as Float32Array, dims: tensor.dims };
  if (tensor.type === "int64") return { type: "int64", data: tensor.data as BigInt64Array, dims: tensor.dims };
  throw new TypeError(`output ${name} has type ${tensor.type}; the pipeline reads float32 or int64`);
}
