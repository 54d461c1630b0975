/** Classifier-free guidance: v = v_uncond + g·(v_cond − v_uncond), in place into a new array. */
export function applyGuidance(cond: Float32Array, uncond: Float32Array, scale: number): Float32Array {
  const out = new Float32Array(cond.length);
  for (let j = 0; j < cond.length; j++) out[j] = uncond[j]! + scale * (cond[j]! - uncond[j]!);
  return out;
}
