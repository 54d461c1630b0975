import type { InferenceBackend } from "../../src/index.js";

/**
 * The real backend with a pause before every graph run, so a test can act (cancel, shut down)
 * while the tiny model is still denoising. Results are the real backend's, untouched.
 */
export function throttledBackend(backend: InferenceBackend, delayMs: number): InferenceBackend {
  return {
    description: `${backend.description} (+${delayMs} ms per run)`,
    async loadSessions(graphs) {
      const sessions = await backend.loadSessions(graphs);
      return Object.fromEntries(
        Object.entries(sessions).map(([name, session]) => [
          name,
          {
            inputs: session.inputs,
            outputs: session.outputs,
            dispose: () => session.dispose(),
            run: async (feeds) => {
              await new Promise((r) => setTimeout(r, delayMs));
              return session.run(feeds);
            },
          },
        ]),
      );
    },
  };
}
