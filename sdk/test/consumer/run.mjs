// Runs in plain Node against the installed tarball: a real request to a loopback server.
import { createServer } from "node:http";
import { NotFoundError, Sketchreel } from "@sketchreel/sdk";

const server = createServer((req, res) => {
  res.writeHead(404, { "content-type": "application/problem+json", "x-request-id": "req_consumer" });
  res.end(
    JSON.stringify({
      type: "t",
      title: "Not found",
      status: 404,
      detail: `no ${req.url}`,
      code: "not_found",
      request_id: "req_consumer",
    }),
  );
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const client = new Sketchreel({ apiKey: "sr_test_abc", baseUrl: `http://127.0.0.1:${server.address().port}` });
const error = await client.videos.get("vid_0123456789abcdef").catch((e) => e);
server.close();
console.log(
  JSON.stringify({
    notFound: error instanceof NotFoundError,
    requestId: error.requestId,
    detail: error.problem?.detail,
  }),
);
