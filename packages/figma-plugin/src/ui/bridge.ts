import type { MainToUi, UiToMain } from "../shared/messages.js";

/** Sends a message to the plugin's main thread (Figma relays `pluginMessage` from the iframe). */
export function postToMain(message: UiToMain): void {
  parent.postMessage({ pluginMessage: message }, "*");
}

/** Calls `listener` with each message from the main thread. */
export function onMainMessage(listener: (message: MainToUi) => void): void {
  window.addEventListener("message", (event: MessageEvent) => {
    const message = (event.data as { pluginMessage?: MainToUi } | null)?.pluginMessage;
    if (message && typeof message.type === "string") listener(message);
  });
}
