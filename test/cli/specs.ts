// Small inline specs for the CLI tests (the sample specs in specs/ may still change).
import { writeFile } from "node:fs/promises";
import path from "node:path";

export interface SpecOptions {
  /** Codes of POST /cases 429, each with an optional description. */
  codes?: string[];
  /** Extra paths merged into `paths`. */
  paths?: Record<string, unknown>;
  /** Extra root keys (x-faultline-retry...). */
  root?: Record<string, unknown>;
  title?: string;
}

function errorBody(codes: string[]) {
  const code = codes.length > 0 ? { type: "string", enum: codes } : { type: "string" };
  return {
    "application/json": {
      schema: {
        type: "object",
        properties: { error: { type: "object", properties: { code, message: { type: "string" } } } },
      },
    },
  };
}

/** POST /cases (400, 429 with codes) and GET /cases/{id} (404): small, and enough to classify. */
export function miniSpec(options: SpecOptions = {}): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: options.title ?? "Cases", version: "1.0.0" },
    ...options.root,
    paths: {
      "/cases": {
        post: {
          operationId: "createCase",
          responses: {
            "201": { description: "created" },
            "400": { description: "bad request", content: errorBody(["INVALID_REQUEST"]) },
            "429": {
              description: "too many",
              content: errorBody(options.codes ?? ["RATE_LIMITED", "USAGE_LIMIT_REACHED"]),
            },
          },
        },
      },
      "/cases/{id}": {
        get: {
          operationId: "getCase",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok" }, "404": { description: "not found", content: errorBody([]) } },
        },
      },
      ...options.paths,
    },
  };
}

/** JSON is YAML too; the loader reads either. */
export async function writeSpec(dir: string, name: string, document: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
