import type { InferenceBackend, Tensor } from "../../src/index.js";

/** One graph run as the pipeline fed it: the component and a copy of every input tensor. */
export interface RecordedRun {
  component: string;
  feeds: Record<string, Tensor>;
}

/**
 * The real backend, recording what the pipeline feeds each graph (copies, so later runs cannot change
 * them). Results are the real backend's, untouched: tests see the real graphs' outputs and the inputs
 * that produced them.
 */
export function recordingBackend(backend: InferenceBackend): { backend: InferenceBackend; runs: RecordedRun[] } {
  const runs: RecordedRun[] = [];
  return {
    runs,
    backend: {
      description: `${backend.description} (recording)`,
      async loadSessions(graphs) {
        const sessions = await backend.loadSessions(graphs);
        return Object.fromEntries(
          Object.entries(sessions).map(([component, session]) => [
            component,
            {
              inputs: session.inputs,
              outputs: session.outputs,
              dispose: () => session.dispose(),
              run: (feeds) => {
                const copies = Object.entries(feeds).map(([name, t]) => [name, { ...t, data: t.data.slice() }]);
                runs.push({ component, feeds: Object.fromEntries(copies) });
                return session.run(feeds);
              },
            },
          ]),
        );
      },
    },
  };
}
