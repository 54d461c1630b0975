import { type MainToUi, REGENERATE_RELAUNCH, type UiToMain } from "../shared/messages.js";
import { findPreview, insertPreview } from "./preview.js";
import { loadSettings, saveSettings } from "./settings.js";

/**
 * The main thread's behaviour, independent of start-up: handles each UI message and reports the
 * selection. Takes the `figma` API as a parameter so tests can pass a typed fake. Launched by a
 * preview's Regenerate button (`figma.command`), it asks the UI to regenerate the selected preview
 * once the UI is ready.
 */
export function createController(api: PluginAPI) {
  let relaunch = api.command === REGENERATE_RELAUNCH.command;
  const post = (message: MainToUi) => api.ui.postMessage(message);

  function reportSelection(): void {
    const found = api.currentPage.selection.length === 1 ? findPreview(api.currentPage.selection[0] ?? null) : null;
    post({ type: "selection", preview: found?.preview ?? null, nodeId: found?.node.id ?? null });
  }

  async function handle(message: UiToMain): Promise<void> {
    switch (message.type) {
      case "ui-ready":
        post({ type: "settings", settings: await loadSettings(api.clientStorage) });
        reportSelection();
        if (relaunch) post({ type: "relaunch", command: REGENERATE_RELAUNCH.command });
        relaunch = false;
        return;
      case "save-settings":
        await saveSettings(api.clientStorage, message.settings);
        post({ type: "settings", settings: message.settings });
        return;
      case "insert-preview": {
        const beside = message.besideNodeId ? await api.getNodeByIdAsync(message.besideNodeId) : null;
        const frame = insertPreview(api, message, beside && "x" in beside ? beside : null);
        api.viewport.scrollAndZoomIntoView([frame]);
        post({ type: "inserted", nodeId: frame.id });
        return;
      }
      case "open-external":
        if (/^https?:\/\//.test(message.url)) api.openExternal(message.url);
        return;
      case "notify":
        api.notify(message.message, { error: message.error });
        return;
      default: {
        const unknown: never = message;
        throw new Error(`unknown message ${JSON.stringify(unknown)}`);
      }
    }
  }

  return {
    reportSelection,
    async onMessage(message: UiToMain): Promise<void> {
      try {
        await handle(message);
      } catch (error) {
        post({ type: "error", message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
