import type { Progress } from "@sketchreel/pipeline";

/** A one-line progress bar redrawn in place on a TTY stream (stderr, so stdout stays clean). */
export function createProgressBar(stream: NodeJS.WriteStream, width = 28) {
  let started = 0;
  let lastStage = "";
  return {
    update({ stage, step, total_steps }: Progress): void {
      if (stage === "denoise" && step === 0) started = performance.now();
      let line = stage.replace(/_/g, " ");
      if (total_steps > 0 && stage === "denoise") {
        const filled = Math.round((step / total_steps) * width);
        const rate = step > 0 ? step / ((performance.now() - started) / 1000) : 0;
        line = `denoise [${"#".repeat(filled)}${".".repeat(width - filled)}] ${step}/${total_steps}  ${rate.toFixed(1)} steps/s`;
      }
      if (line === lastStage) return;
      lastStage = line;
      stream.write(`\r\x1b[2K${line}`);
    },
    done(): void {
      stream.write("\r\x1b[2K");
    },
  };
}
