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

/** [batch, K]: the same K values in every row (both halves of a CFG batch see one layout). */
export function repeatRows(row: Float32Array, batch: number): Float32Tensor {
  const data = new Float32Array(row.length * batch);
  for (let b = 0; b < batch; b++) data.set(row, b * row.length);
  return float32Tensor(data, [batch, row.length]);
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function assertSize(length: number, dims: readonly number[]): void {
  if (length !== elementCount(dims))
    throw new RangeError(`tensor data has ${length} values, dims [${dims}] need ${elementCount(dims)}`);
}
