// Small inline specs for the report tests: one ordinary API, one with markup in every string.
export const TICKETS_SPEC = `openapi: 3.0.3
info: { title: Tickets, version: "1.0" }
x-faultline-retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 20000, jitter: 0.2 }
paths:
  /tickets:
    get:
      operationId: listTickets
      summary: List tickets
      responses:
        "200": { description: ok }
        "400": { description: "The query was malformed." }
        "429":
          description: "Too many requests: RATE_LIMITED. Wait for Retry-After."
          headers: { Retry-After: { schema: { type: integer } } }
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { type: string, enum: [RATE_LIMITED] }
                  message: { type: string }
        "500": { description: "The server failed." }
    post:
      operationId: createTicket
      summary: Create a ticket
      responses:
        "201": { description: created }
        "400":
          description: "The ticket is invalid."
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { type: string, enum: [INVALID_TITLE] }
        "402":
          description: "The plan's ticket limit is reached."
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { type: string, enum: [PLAN_LIMIT_REACHED] }
        "503":
          description: "Maintenance."
          x-faultline-not-processed: true
`;

export const HOSTILE_SPEC = `openapi: 3.0.3
info: { title: "<script>globalThis.__pwned = 1</script>", version: "<img src=x onerror=alert(1)>" }
paths:
  "/things/<svg onload=alert(1)>":
    post:
      operationId: "<b>bold</b>"
      summary: "</script><script>globalThis.__pwned = 1</script>"
      responses:
        "201": { description: created }
        "402":
          description: "<iframe src=javascript:alert(1)></iframe> &amp; \\" ' \\u2028"
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { type: string, enum: ['<img src=x onerror="globalThis.__pwned=1">', "\\u2028</script><!--"] }
`;

/**
 * Three operations with the same two errors (one of them differs only in its path and name), one
 * whose 404 differs, and a health check that documents no error: 4 groups would repeat rows.
 */
export const TWINS_SPEC = `openapi: 3.0.3
info: { title: Twins, version: "1.0" }
components:
  responses:
    NotFound:
      description: "No such thing."
      content:
        application/json:
          schema: { type: object, properties: { code: { type: string, enum: [NOT_FOUND] } } }
    Unavailable: { description: "Try again later." }
paths:
  /a/{id}:
    get:
      operationId: getA
      responses: { "200": { description: ok }, "404": { $ref: "#/components/responses/NotFound" }, "503": { $ref: "#/components/responses/Unavailable" } }
  /b/{id}:
    get:
      operationId: getB
      responses: { "200": { description: ok }, "404": { $ref: "#/components/responses/NotFound" }, "503": { $ref: "#/components/responses/Unavailable" } }
  /c/{id}:
    get:
      operationId: getC
      responses: { "200": { description: ok }, "404": { $ref: "#/components/responses/NotFound" }, "503": { $ref: "#/components/responses/Unavailable" } }
  /d/{id}:
    get:
      operationId: getD
      responses: { "200": { description: ok }, "404": { description: "Gone for good." }, "503": { $ref: "#/components/responses/Unavailable" } }
  /health:
    get:
      operationId: health
      responses: { "200": { description: ok } }
`;
