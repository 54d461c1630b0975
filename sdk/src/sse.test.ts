import { describe, expect, it } from "vitest";
import { parseEventStream, type ServerSentEvent } from "./sse.js";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(chunks: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseEventStream(streamOf(chunks))) events.push(event);
  return events;
}

const WIRE =
  ": keep-alive\r\n\r\n" +
  'id: 1\r\nevent: video.progress\r\ndata: {"p":"½ done ✓"}\r\n\r\n' +
  "event: video.succeeded\ndata: line one\ndata: line two\n\n" +
  "data: no event name\r\r" +
  "event: unfinished\ndata: dropped at end of stream";

const EXPECTED: ServerSentEvent[] = [
  { event: "video.progress", data: '{"p":"½ done ✓"}', id: "1" },
  { event: "video.succeeded", data: "line one\nline two", id: "1" },
  { event: "message", data: "no event name", id: "1" },
];

describe("parseEventStream", () => {
  it("parses a whole stream", async () => {
    expect(await collect([new TextEncoder().encode(WIRE)])).toEqual(EXPECTED);
  });

  it("gives the same events however the bytes are split (inside CRLF, inside UTF-8 sequences)", async () => {
    const bytes = new TextEncoder().encode(WIRE);
    for (const size of [1, 2, 3, 5, 7, 16]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      expect(await collect(chunks), `chunk size ${size}`).toEqual(EXPECTED);
    }
  });
});
