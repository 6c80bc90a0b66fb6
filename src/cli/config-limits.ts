// The config's `limits` and `allowRefOutside` (see docs/security.md). Limits are whole numbers
// above zero; the spec size is given in megabytes, like the --max-spec-mb flag.
import type { InputLimits } from "../parse/limits.js";
import type { Checker } from "./config-validate.js";

/** Config key -> the limit it sets, and how a config value becomes the limit's unit. */
const LIMIT_KEYS: Record<string, { limit: keyof InputLimits; scale: number }> = {
  maxSpecMb: { limit: "maxSpecBytes", scale: 1024 * 1024 },
  maxNodes: { limit: "maxNodes", scale: 1 },
  maxDepth: { limit: "maxDepth", scale: 1 },
  maxNameLength: { limit: "maxNameLength", scale: 1 },
};

export function checkLimits(value: unknown, tokens: (string | number)[], check: Checker): Partial<InputLimits> {
  const raw = check.object(value, tokens, "`limits`", '{ "maxSpecMb": 50, "maxDepth": 100 }');
  check.keys(raw, tokens, Object.keys(LIMIT_KEYS));
  const limits: Partial<InputLimits> = {};
  for (const [key, entry] of Object.entries(raw)) {
    if (typeof entry !== "number" || !Number.isInteger(entry) || entry < 1) {
      throw check.fail(
        [...tokens, key],
        `must be a whole number above 0, not ${JSON.stringify(entry)}`,
        "write a number without quotes, e.g. 100",
      );
    }
    const { limit, scale } = LIMIT_KEYS[key]!;
    limits[limit] = entry * scale;
  }
  return limits;
}

export function checkRefRoots(value: unknown, tokens: (string | number)[], check: Checker): boolean | string[] {
  if (typeof value === "boolean") return value;
  if (!Array.isArray(value))
    throw check.fail(
      tokens,
      "must be true, false or a list of folders",
      'e.g. "allowRefOutside": ["../shared"] (relative to the config file)',
    );
  return value.map((entry: unknown, i: number) =>
    check.path(entry, [...tokens, i], "a folder $ref'd files may live in"),
  );
}
