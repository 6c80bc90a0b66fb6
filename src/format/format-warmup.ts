// What the format worker formats while no real file is waiting (between importing prettier and
// the first printed file it has ~0.4 s with nothing to do). Prettier's first files in a process
// run cold; text shaped like ours (openapi-typescript's four-space layout with JSDoc, long unions
// and generic arguments to break, object literals, a loop) warms it: these pieces take ~0.15 s
// and cut cases.yaml's four files from ~0.35 s to ~0.26 s. In pieces, so that a real file waits
// for one piece at most (on a busy machine files come before the warm-up is through). The text
// is never written anywhere.
export const WARMUP_SOURCES = [
  `import type * as rt from "./runtime/types.js";
import { createContext, send } from "./runtime/send.js";
export interface paths {
    "/items/{id}": {
        parameters: {
            query?: never;
            path: {
                /**
                 * @description The id.
                 * @example item_1
                 */
                id: components["parameters"]["Id"];
            };
        };
        /** Get an item */
        get: operations["getItem"];
        put?: never;
    };
}
export type webhooks = Record<string, never>;
`,
  `export type $defs = Record<string, never>;
export interface components {
    schemas: {
        Item: {
            id: string;
            count?: number | null;
            tags?: ("a" | "b" | "c")[];
            owner: components["schemas"]["User"] & { [key: string]: unknown };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };
export interface GetItemInput { headers?: rt.RequestInput["headers"]; path: paths["/items/{id}"]["get"]["parameters"]["path"]; body: NonNullable<paths["/items"]["post"]["requestBody"]>["content"]["application/json"] }
/** Every way GET /items/{id} can fail. */
export type GetItemError = rt.HttpError<404, "404", "NOT_FOUND" | undefined, "terminal", "check-resource", paths["/items/{id}"]["get"]["responses"]["404"]["content"]["application/json"] | undefined> | rt.HttpError<number, "5XX", string | undefined, "retryable", "retry-with-backoff", unknown> | rt.NetworkError;
export type GetItemResult = rt.Result<GetItemSuccess, GetItemError>;
`,
  `import type { ErrorRule, OperationSpec } from "./runtime/types.js";
const retryable: ErrorRule = { category: "retryable", recovery: "retry-with-backoff" };
export const operations: { readonly [Name in OperationName]: OperationSpec } = {
    getItem: { id: "getItem", method: "GET", path: "/items/{id}", idempotent: true, errors: { "404": { category: "terminal", recovery: "check-resource", codes: { NOT_FOUND: { category: "terminal", recovery: "check-resource" } } }, "5XX": retryable }, envelope: { code: ["error", "code"], message: ["error", "message"] } },
};
`,
  `import { api, operations } from "./operations.js";
export interface Client {
    /**
     * Get an item
     * GET /items/{id}
     */
    getItem(input: t.GetItemInput, call?: CallOptions): Promise<t.GetItemResult>;
}
export function createClient(options: ClientOptions = {}): Client {
    const context = createContext(api, options);
    const client: Record<string, (input: RequestInput, call?: CallOptions) => Promise<unknown>> = {};
    for (const [name, spec] of Object.entries(operations) as [string, OperationSpec][]) {
        client[name] = (input, call) => send(context, spec, input, call);
    }
    return client as unknown as Client;
}
`,
];
