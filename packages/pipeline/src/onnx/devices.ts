/** Devices the runner can be asked for, and the onnxruntime execution providers behind them. */
export const SUPPORTED_DEVICES = ["cpu", "cuda"] as const;
export type Device = (typeof SUPPORTED_DEVICES)[number];

export class UnsupportedDeviceError extends Error {
  override readonly name = "UnsupportedDeviceError";
  constructor(readonly device: string) {
    super(`device must be one of ${SUPPORTED_DEVICES.join(", ")} (got ${JSON.stringify(device)})`);
  }
}

export function parseDevice(device: string): Device {
  if ((SUPPORTED_DEVICES as readonly string[]).includes(device)) return device as Device;
  throw new UnsupportedDeviceError(device);
}
