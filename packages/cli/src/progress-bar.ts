/** Where a long job stands: a pipeline stage and, while denoising, its step. */
export interface ProgressState {
  stage: string;
  step: number;
  total_steps: number;
  /** Overall percent when the caller knows it (the API's `progress`); else the denoise fraction. */
  percent?: number;
}

export interface ProgressBar {
  /** `status` is an optional label before the stage (e.g. the video's "running"). */
  update(state: ProgressState, status?: string): void;
  done(): void;
}

const WIDTH = 30;

/**
 * The CLI's one progress bar, on stderr so stdout stays clean for `--json`. On a TTY one line redrawn
 * in place (with steps/s while denoising); on a pipe or file one line per stage change instead.
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastLine = "";
  let lastStage = "";
  let percent = 0;
  let denoiseStarted = 0;
  const render = (state: ProgressState, status?: string) => {
    const denoising = state.stage === "denoise" && state.total_steps > 0;
    if (state.percent !== undefined) percent = state.percent;
    else if (denoising) percent = (100 * state.step) / state.total_steps;
    const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const label = [status, state.stage.replace(/_/g, " ")].filter(Boolean).join(" · ");
    const steps = denoising ? ` ${state.step}/${state.total_steps}` : "";
    const seconds = (performance.now() - denoiseStarted) / 1000;
    const rate = denoising && state.step > 0 && seconds > 0 ? ` ${(state.step / seconds).toFixed(1)} steps/s` : "";
    return `[${bar}] ${percent.toFixed(0).padStart(3)}% ${label}${steps}${rate}`;
  };
  return {
    update(state, status) {
      if (state.stage === "denoise" && (state.step === 0 || lastStage !== "denoise"))
        denoiseStarted = performance.now();
      const line = render(state, status);
      if (stream.isTTY) {
        if (line !== lastLine) stream.write(`\r\x1b[2K${line}`);
      } else if (state.stage !== lastStage) {
        stream.write(`${line}\n`);
      }
      lastLine = line;
      lastStage = state.stage;
    },
    done() {
      if (stream.isTTY && lastLine) stream.write("\n");
    },
  };
}
