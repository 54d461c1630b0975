import type { RegisterCommand } from "../command.js";
import { registerDev } from "./dev.js";
import { registerEval } from "./eval.js";
import { registerGenerate } from "./generate.js";
import { registerModels } from "./models.js";
import { registerNotion } from "./notion.js";
import { registerQuickstart } from "./quickstart.js";
import { registerRunner } from "./runner.js";
import { registerVideos } from "./videos.js";

/**
 * Every `sketchreel` command, one file each in this folder, in the order `sketchreel --help` lists
 * them. A command file declares its arguments, options, help and examples and imports nothing heavy
 * at the top: the work (onnxruntime, the local stack, the SDK) is imported when the command runs,
 * so `--help` stays fast.
 */
export const COMMAND_GROUPS: { heading: string; commands: RegisterCommand[] }[] = [
  { heading: "On this machine (no server):", commands: [registerGenerate, registerModels, registerEval] },
  {
    heading: "With a deployed API (SKETCHREEL_BASE_URL, SKETCHREEL_API_KEY):",
    commands: [registerVideos, registerNotion],
  },
  { heading: "The platform on this machine:", commands: [registerDev, registerQuickstart, registerRunner] },
];
