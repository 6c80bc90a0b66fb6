// Compile-time contract of a mockFetch script (cases API): each @ts-expect-error line must be an
// error, and without the comments tsc must report exactly those lines.
import { mockFetch } from "./client/mocks.js";

export const fine = mockFetch({
  createCase: [
    { status: 429, code: "USAGE_LIMIT_REACHED", retryAfter: 3 },
    { status: 201, headers: { "x-trace": "t" } },
    "network",
    "timeout",
    { status: "undocumented" },
  ],
  getCase: [
    { status: 404, code: "CASE_NOT_FOUND" },
    { status: 500, contentType: "text/plain", body: "upstream failed" },
  ],
});
// @ts-expect-error: createCase documents no 402
export const undocumentedStatus = mockFetch({ createCase: [{ status: 402 }] });
// @ts-expect-error: NOPE is not a documented code of createCase's 429
export const undocumentedCode = mockFetch({ createCase: [{ status: 429, code: "NOPE" }] });
// @ts-expect-error: getCase's 429 documents no code at all
export const codeWithoutCodes = mockFetch({ getCase: [{ status: 429, code: "RATE_LIMITED" }] });
// @ts-expect-error: CASE_NOT_FOUND is documented for 404, not for 401
export const codeOfOtherStatus = mockFetch({ getCase: [{ status: 401, code: "CASE_NOT_FOUND" }] });
// @ts-expect-error: createTicket is not an operation of this API
export const unknownOperation = mockFetch({ createTicket: [{ status: 201 }] });
// @ts-expect-error: "offline" is not a transport failure the mock knows
export const unknownTransport = mockFetch({ getCase: ["offline"] });
