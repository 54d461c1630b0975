export interface ProgressState {
  stage: string;
  percent: number;
  step: number;
  total_steps: number;
}

export interface ProgressBar {
  update(state: ProgressState, status: string): void;
  done(): void;
}

const WIDTH = 30;

/** A one-line progress bar on a TTY; on a pipe or file, one line per stage change instead. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastLine = "";
  let lastStage = "";
  const render = (state: ProgressState, status: string) => {
    const filled = Math.round((Math.max(0, Math.min(100, state.percent)) / 100) * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const steps = state.stage === "denoise" && state.total_steps ? ` ${state.step}/${state.total_steps}` : "";
    return `[${bar}] ${state.percent.toFixed(0).padStart(3)}% ${status} · ${state.stage}${steps}`;
  };
  return {
    update(state, status) {
      const line = render(state, status);
      if (stream.isTTY) {
        if (line !== lastLine) stream.write(`\r${line.padEnd(lastLine.length)}`);
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
