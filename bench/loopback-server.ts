// The server for call-overhead.ts, in its own process so its work does not share the client's
// event loop and JIT. Answers every request with the same small JSON list; sends its port to the
// parent and exits when the parent disconnects.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const payload = JSON.stringify({
  data: [{ id: "p_1", name: "greeting", updatedAt: "2026-01-01T00:00:00Z" }],
  nextCursor: null,
});
const server = createServer((_req, res) =>
  res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_1" }).end(payload),
);
server.listen(0, "127.0.0.1", () => process.send!((server.address() as AddressInfo).port));
process.on("disconnect", () => process.exit(0));
