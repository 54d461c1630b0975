export * from "./cache-key.js";
export * from "./hash.js";
export * from "./lint.js";
export * from "./normalize.js";
export * from "./safety.js";
export * from "./safety-terms.js";
export * from "./templates/catalog.js";
export * from "./templates/render.js";
