import type { Settings } from "../shared/messages.js";

const SETTINGS_KEY = "sketchreel.settings";

/** The API key and base URL, kept per user on this machine by Figma (`figma.clientStorage`). */
export async function loadSettings(storage: ClientStorageAPI): Promise<Settings | null> {
  const value = (await storage.getAsync(SETTINGS_KEY)) as Partial<Settings> | undefined;
  return value && typeof value.apiKey === "string" && typeof value.baseUrl === "string"
    ? { apiKey: value.apiKey, baseUrl: value.baseUrl }
    : null;
}

export async function saveSettings(storage: ClientStorageAPI, settings: Settings): Promise<void> {
  await storage.setAsync(SETTINGS_KEY, { apiKey: settings.apiKey, baseUrl: settings.baseUrl });
}
