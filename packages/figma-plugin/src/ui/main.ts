import {
  APIError,
  PromptOutOfVocabularyError,
  Sketchreel,
  type Template,
  UnprocessableEntityError,
} from "@sketchreel/sdk";
import type { Settings, StoredPreview } from "../shared/messages.js";
import { describeAllowedOrigins, originProblem } from "./allowed-origins.js";
import { onMainMessage, postToMain } from "./bridge.js";
import { quickChoice, uiElements } from "./dom.js";
import { generatePreview, randomSeed } from "./generate.js";
import { createLintHints } from "./lint-hints.js";
import { defaultModel, parseSize, type QuickActions, quickActionsFor } from "./quick-actions.js";

declare const __SKETCHREEL_API_ORIGIN__: string;
/** The origins the manifest of this build allows (scripts/build.ts). */
declare const __SKETCHREEL_ALLOWED_ORIGINS__: string[];

/** Cancel was clicked and the API canceled the video: why the wait stopped. */
class CanceledByUser extends Error {
  constructor(readonly videoId: string) {
    super(`canceled ${videoId}`);
  }
}

const ui = uiElements();
let client: Sketchreel | null = null;
let selection: { preview: StoredPreview; nodeId: string } | null = null;
let last: { preview: StoredPreview; nodeId: string | null } | null = null;
let busy = false;
/** The generation in flight: Cancel aborts its wait once the API has canceled its video. */
let inFlight: { controller: AbortController; videoId: string | null } | null = null;
/** Launched by a preview's Regenerate button: regenerate the selection once connected. */
let relaunchPending = false;
let connected = false;
let templates = new Map<string, Template>();
/** The default model's quick actions, once `GET /v1/models` answered. */
let actions: QuickActions | null = null;

const duration = quickChoice(ui.durations, "frames");
const resolution = quickChoice(ui.resolutions, "size");
const hints = createLintHints(ui.hints, () => client);

function setStatus(text: string, error = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle("error", error);
}

function showSettings(settings: Settings | null): void {
  ui.apiKey.value = settings?.apiKey ?? "";
  ui.baseUrl.value = settings?.baseUrl ?? __SKETCHREEL_API_ORIGIN__;
  ui.allowedOrigins.textContent = describeAllowedOrigins(__SKETCHREEL_ALLOWED_ORIGINS__);
  ui.settingsError.textContent = "";
  ui.settings.hidden = false;
  ui.composer.hidden = true;
}

async function connect(settings: Settings): Promise<void> {
  client = new Sketchreel({ apiKey: settings.apiKey, baseUrl: settings.baseUrl });
  ui.settings.hidden = true;
  ui.composer.hidden = false;
  try {
    await loadQuickActions(client);
    const { data } = await client.templates.list();
    ui.template.replaceChildren(new Option("— none —", ""), ...data.map((t) => new Option(t.name, t.id)));
    templates = new Map(data.map((t) => [t.id, t]));
  } catch (error) {
    setStatus(describe(error), true);
  }
  connected = true;
  relaunchIfPending();
}

/** Offers the default model's durations and sizes as quick buttons, its defaults pressed. */
async function loadQuickActions(api: Sketchreel): Promise<QuickActions> {
  const model = defaultModel(await api.models.list());
  if (!model) throw new Error("the API serves no model");
  const loaded = quickActionsFor(model);
  duration.render(loaded.durations, loaded.defaultDuration);
  resolution.render(loaded.sizes, loaded.defaultSize);
  actions = loaded;
  return loaded;
}

/** The template's prompt with each {variable} set to its default (or first allowed value). */
function fillTemplate(template: Template): string {
  return template.prompt.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => {
    const variable = template.variables.find((v) => v.name === name);
    const value = variable?.default ?? variable?.enum?.[0];
    return value === undefined ? whole : String(value);
  });
}

function describe(error: unknown): string {
  if (error instanceof PromptOutOfVocabularyError) {
    return `The model cannot draw this prompt: ${error.vocabularyErrors.map((e) => e.message).join("; ")}`;
  }
  if (error instanceof UnprocessableEntityError && error.errors.length > 0)
    return error.errors.map((e) => e.message).join("; ");
  if (error instanceof APIError) return `${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

function refreshButtons(): void {
  ui.generate.disabled = busy;
  ui.cancel.hidden = !busy;
  ui.cancel.disabled = !inFlight?.videoId;
  ui.regenerate.disabled = busy || !(selection ?? last);
  ui.open.disabled = !(selection ?? last)?.preview.embedUrl;
}

async function run(prompt: string, seed: number | null, besideNodeId: string | null): Promise<void> {
  if (!client || busy) return;
  if (!prompt.trim()) return setStatus("Type a prompt first.", true);
  busy = true;
  const attempt = { controller: new AbortController(), videoId: null as string | null };
  inFlight = attempt;
  refreshButtons();
  ui.progress.value = 0;
  setStatus("Checking the prompt…");
  try {
    // The hint before submitting: what the model cannot draw is shown, and nothing is sent.
    const lint = await hints.check(prompt);
    if (lint && !lint.ok) {
      setStatus("The model cannot draw this prompt: see the hints above.", true);
      return;
    }
    const offered = actions ?? (await loadQuickActions(client));
    const size = parseSize(resolution.value ?? offered.defaultSize);
    if (!size) throw new Error(`no size is selected (offered: ${offered.sizes.map((s) => s.value).join(", ")})`);
    const frames = Number(duration.value ?? offered.defaultDuration);
    const params = { ...size, num_frames: frames, fps: offered.fps, seed };
    setStatus("Submitting…");
    const result = await generatePreview(
      client,
      prompt,
      params,
      (progress, video) => {
        if (!attempt.videoId) {
          attempt.videoId = video.id;
          refreshButtons();
        }
        ui.progress.value = progress.percent;
        setStatus(`${video.status} · ${progress.stage} · ${Math.round(progress.percent)} %`);
      },
      attempt.controller.signal,
    );
    ui.progress.value = 100;
    setStatus("Done · 100 % · inserting on the canvas…");
    last = { preview: result.preview, nodeId: null };
    postToMain({ type: "insert-preview", ...result, besideNodeId });
  } catch (error) {
    const reason = attempt.controller.signal.aborted ? attempt.controller.signal.reason : error;
    if (reason instanceof CanceledByUser) {
      ui.progress.value = 0;
      setStatus(`Canceled: the API stopped ${reason.videoId}; nothing is inserted.`);
    } else setStatus(describe(reason), true);
  } finally {
    busy = false;
    inFlight = null;
    refreshButtons();
  }
}

/** Cancel: the API cancels the video, then the wait stops. If the API refuses (it just finished), the wait goes on. */
async function cancelInFlight(): Promise<void> {
  const attempt = inFlight;
  if (!client || !attempt?.videoId) return;
  ui.cancel.disabled = true;
  setStatus(`Canceling ${attempt.videoId}…`);
  try {
    await client.videos.cancel(attempt.videoId);
    attempt.controller.abort(new CanceledByUser(attempt.videoId));
  } catch (error) {
    setStatus(describe(error), true);
  }
}

/** Regenerate: the same prompt and size with a new seed, placed beside the preview it comes from. */
function regenerate(source: { preview: StoredPreview; nodeId: string | null }): void {
  ui.prompt.value = source.preview.prompt;
  void run(source.preview.prompt, randomSeed(), source.nodeId);
}

function relaunchIfPending(): void {
  if (!relaunchPending || !connected || busy) return;
  relaunchPending = false;
  if (selection) regenerate(selection);
  else setStatus("Select a Sketchreel preview to regenerate it.", true);
}

ui.saveSettings.addEventListener("click", () => {
  const settings = { apiKey: ui.apiKey.value.trim(), baseUrl: ui.baseUrl.value.trim().replace(/\/+$/, "") };
  // The composer's status line is hidden while the settings show: they have their own.
  const problem = !settings.apiKey
    ? "Enter an API key."
    : originProblem(settings.baseUrl, __SKETCHREEL_ALLOWED_ORIGINS__);
  ui.settingsError.textContent = problem ?? "";
  if (problem) return;
  postToMain({ type: "save-settings", settings });
});
ui.changeKey.addEventListener("click", () => showSettings({ apiKey: "", baseUrl: client?.baseUrl ?? "" }));
ui.prompt.addEventListener("input", () => hints.update(ui.prompt.value));
ui.template.addEventListener("change", () => {
  const template = templates.get(ui.template.value);
  if (!template) return;
  ui.prompt.value = fillTemplate(template);
  hints.update(ui.prompt.value);
});
ui.randomSeed.addEventListener("click", () => {
  ui.seed.value = String(randomSeed());
});
ui.generate.addEventListener("click", () => {
  const seed = ui.seed.value.trim() === "" ? null : Number(ui.seed.value);
  if (seed !== null && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295)) {
    return setStatus("Seed must be a whole number from 0 to 4294967295.", true);
  }
  void run(ui.prompt.value, seed, null);
});
ui.regenerate.addEventListener("click", () => {
  const source = selection ?? last;
  if (source) regenerate(source);
});
ui.cancel.addEventListener("click", () => void cancelInFlight());
ui.open.addEventListener("click", () => {
  const url = (selection ?? last)?.preview.embedUrl;
  if (url) postToMain({ type: "open-external", url });
});

onMainMessage((message) => {
  switch (message.type) {
    case "settings":
      if (message.settings?.apiKey) void connect(message.settings);
      else showSettings(message.settings);
      return;
    case "selection":
      selection = message.preview && message.nodeId ? { preview: message.preview, nodeId: message.nodeId } : null;
      ui.selected.hidden = !selection;
      ui.selected.textContent = selection
        ? `Selected preview: “${selection.preview.prompt}” (seed ${selection.preview.params.seed})`
        : "";
      if (selection) {
        const { num_frames, width, height } = selection.preview.params;
        duration.value = String(num_frames);
        resolution.value = `${width}x${height}`;
      }
      refreshButtons();
      return;
    case "inserted":
      if (last) last.nodeId = message.nodeId;
      setStatus("Done · 100 % · inserted on the canvas.");
      refreshButtons();
      return;
    case "relaunch":
      relaunchPending = true;
      relaunchIfPending();
      return;
    case "error":
      setStatus(message.message, true);
      return;
  }
});

postToMain({ type: "ui-ready" });
