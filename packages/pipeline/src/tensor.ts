/** A dense tensor as the pipeline and its backends exchange it (C order, like ONNX). */
export type Tensor =
  | { type: "float32"; data: Float32Array; dims: readonly number[] }
  | { type: "int64"; data: BigInt64Array; dims: readonly number[] };

export type Float32Tensor = Extract<Tensor, { type: "float32" }>;

export function float32Tensor(data: Float32Array, dims: readonly number[]): Float32Tensor {
  assertSize(data.length, dims);
  return { type: "float32", data, dims };
}

export function int64Tensor(data: BigInt64Array, dims: readonly number[]): Tensor {
  assertSize(data.length, dims);
  return { type: "int64", data, dims };
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function assertSize(length: number, dims: readonly number[]): void {
  if (length !== elementCount(dims))
    throw new RangeError(`tensor data has ${length} values, dims [${dims}] need ${elementCount(dims)}`);
}
