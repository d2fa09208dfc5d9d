/**
 * The reward server: stateless HTTP on node:http, so scaling out is running replicas behind any
 * load balancer. Routes: `POST /reward`, `POST /get_reward` (OpenRLHF's remote reward model)
 * and `GET /health` (requests.ts has the shapes). Errors are JSON with a 4xx status and a code:
 * `bad_json` 400, `invalid_request` / `invalid_entry` 400, `unknown_id` 422, `body_too_large` /
 * `too_many_items` 413, `not_found` 404, `method_not_allowed` 405.
 *
 * A batch never blocks the server for long: it is scored in slices of `slice` items with a
 * yield to the event loop between them, or, when a pool is given and the batch is at least
 * `poolThreshold` items, on worker threads. `close()` stops accepting connections, lets the
 * requests in flight finish, and then closes the idle keep-alive connections (all connections
 * after `graceMs`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { VERSION } from "../version.js";
import type { PresetId } from "./options.js";
import type { RewardPool } from "./pool.node.js";
import { readOpenRlhfRequest, readRewardRequest, RequestError, scoreItems, type RewardItem, type RewardRequest } from "./requests.js";
import type { RewardRecord, SuiteScorers } from "./suiteScorers.js";

export interface RewardServerOptions {
  scorers: SuiteScorers;
  /** Largest request body in bytes (default 32 MiB). */
  maxBodyBytes?: number;
  /** Most items in one request (default 100,000). */
  maxItems?: number;
  /** Items scored between two yields to the event loop (default 256). */
  slice?: number;
  /** Worker threads for large batches. */
  pool?: RewardPool;
  /** Batches at least this large go to the pool (default 2,048). */
  poolThreshold?: number;
  /** How long `close()` waits for requests in flight before cutting connections (default 10 s). */
  graceMs?: number;
  /** A client must send all its headers within this time (default 30 s); else 408 and the connection closes. */
  headersTimeoutMs?: number;
  /** A client must send its whole request within this time (default 120 s); else 408 and the connection closes. */
  requestTimeoutMs?: number;
}

export interface RewardServer {
  server: Server;
  /** Listens (port 0: any free port) and resolves with the address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Graceful shutdown: no new connections, requests in flight finish, then everything closes. */
  close(): Promise<void>;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Reads the body up to `limit` bytes; past it, rejects with 413 (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, "body_too_large", `the request body is larger than ${limit} bytes`);
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * @example
 * const server = createRewardServer({ scorers: SuiteScorers.of(loadSuite("data").entries) });
 * const { port } = await server.listen(0, "127.0.0.1");
 */
export function createRewardServer(options: RewardServerOptions): RewardServer {
  const { scorers, pool } = options;
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const maxItems = options.maxItems ?? 100_000;
  const slice = Math.max(1, options.slice ?? 256);
  const poolThreshold = options.poolThreshold ?? 2048;
  const graceMs = options.graceMs ?? 10_000;
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  async function score(items: RewardItem[], preset: PresetId | undefined): Promise<RewardRecord[]> {
    if (pool && items.length >= poolThreshold) return pool.score(items, preset);
    if (items.length <= slice) return scoreItems(scorers, { items, preset });
    // Unknown ids are refused before any scoring, as for a small batch.
    scoreItems(scorers, { items: items.filter((it) => it.entry === undefined && !scorers.has(it.id)), preset });
    const out: RewardRecord[] = [];
    for (let i = 0; i < items.length; i += slice) {
      if (i > 0) await yieldToLoop();
      out.push(...scoreItems(scorers, { items: items.slice(i, i + slice), preset }));
    }
    return out;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const reader: ((body: unknown, max: number) => RewardRequest) | undefined =
      path === "/reward" ? readRewardRequest : path === "/get_reward" ? readOpenRlhfRequest : undefined;
    if (path === "/health") {
      if (req.method !== "GET" && req.method !== "HEAD") throw new RequestError(405, "method_not_allowed", "use GET /health");
      send(res, 200, { status: closing ? "closing" : "ok", version: VERSION, entries: scorers.size, preset: scorers.options.preset ?? "graded", workers: pool?.size ?? 0 });
      return;
    }
    if (!reader) throw new RequestError(404, "not_found", `no route ${path} (routes: POST /reward, POST /get_reward, GET /health)`);
    if (req.method !== "POST") throw new RequestError(405, "method_not_allowed", `use POST ${path}`);
    const text = await readBody(req, maxBody);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new RequestError(400, "bad_json", `the body is not JSON: ${(e as Error).message}`);
    }
    const request = reader(body, maxItems);
    const records = await score(request.items, request.preset);
    const rewards = records.map((r) => r.score);
    send(res, 200, request.details ? { rewards, details: records } : { rewards });
  }

  const headersTimeout = options.headersTimeoutMs ?? 30_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 120_000, headersTimeout);
  // Node checks both timeouts on this interval (default 30 s), so it follows the shortest one.
  const connectionsCheckingInterval = Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4)));
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    inFlight++;
    route(req, res)
      .catch((e: unknown) => {
        if (e instanceof RequestError) {
          const headers: Record<string, string> = {};
          // After a refused body the connection is not reused: the rest of the body was not read.
          if (e.code === "body_too_large") headers.connection = "close";
          if (e.status === 405) headers.allow = (req.url ?? "").startsWith("/health") ? "GET, HEAD" : "POST";
          send(res, e.status, e.toJSON(), headers);
        } else send(res, 500, { error: { code: "internal", message: e instanceof Error ? e.message : String(e) } });
      })
      .finally(() => {
        inFlight--;
        if (closing && inFlight === 0) drained?.();
      });
  });
  // Connections that send nothing, or trickle their request, are closed, so a slow client cannot hold the server.
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;

  return {
    server,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await new Promise<void>((resolve) => (drained = resolve));
        clearTimeout(timer);
      }
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), graceMs).unref();
      await stopped;
    },
  };
}
