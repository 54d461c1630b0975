import type { UiToMain } from "../shared/messages.js";
import { createController } from "./controller.js";

// Plugin entry (main thread): shows the UI and wires Figma's events to the controller.
figma.showUI(__html__, { width: 360, height: 600, themeColors: true, title: "Sketchreel" });
const controller = createController(figma);
figma.ui.onmessage = (message: UiToMain) => controller.onMessage(message);
figma.on("selectionchange", () => controller.reportSelection());
