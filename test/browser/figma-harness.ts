import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Settings } from "@sketchreel/figma-plugin/messages";

/**
 * A page standing in for the Figma host around the plugin UI: it loads the built `ui.html` into a
 * sandboxed iframe (an opaque, "null" origin, as Figma's plugin iframe has), relays `pluginMessage`s
 * both ways, answers `ui-ready` and `save-settings` with the settings like the main thread does, and records
 * every message from the UI in `window.fromUi`; `window.toUi(message)` sends one as the main thread
 * would (a selection, a relaunch).
 */
export async function startFigmaHarness(uiHtml: string, stored: Settings | null) {
  const page = `<!doctype html><meta charset="utf-8"><title>Figma host stand-in</title>
<iframe id="plugin" sandbox="allow-scripts" style="width:360px;height:640px;border:1px solid #ccc"></iframe>
<script>
  window.fromUi = [];
  let settings = ${JSON.stringify(stored)};
  const frame = document.getElementById("plugin");
  const toUi = (window.toUi = (pluginMessage) => frame.contentWindow.postMessage({ pluginMessage }, "*"));
  window.addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow) return;
    const message = event.data && event.data.pluginMessage;
    window.fromUi.push(message);
    if (message.type === "ui-ready") toUi({ type: "settings", settings });
    if (message.type === "save-settings") toUi({ type: "settings", settings: (settings = message.settings) });
    if (message.type === "insert-preview") toUi({ type: "inserted", nodeId: "12:34" });
  });
  frame.srcdoc = ${JSON.stringify(uiHtml).replaceAll("</", "<\\/")};
</script>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
