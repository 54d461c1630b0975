/** Mirrors vitest.config.ts TEST_BINDINGS (the config module cannot be imported inside workerd). */
export const TEST_SECRET = "whsec_dGVzdC13ZWJob29rLXNlY3JldC0xMjM0NTY=";
