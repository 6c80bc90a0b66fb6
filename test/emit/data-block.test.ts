// operations.ts is read in review, and big specs skip prettier: dataBlock lays data out itself,
// one key a line when a value does not fit, and the text must still be exactly the data.
import { describe, expect, it } from "vitest";
import { operationData } from "../../src/emit/client/operation-specs.js";
import { dataBlock } from "../../src/emit/names.js";
import { generateIr } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";

const spec = await loadSpec("specs/inbox.yaml");
const { api, classified } = generateIr(spec);
const data = operationData(api, classified);
// Evaluating the printed literal is the point: it must read back as the data it was printed from.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const evaluate = (text: string): unknown => new Function(`return (${text.replace(/ as const/g, "")});`)();

describe("dataBlock", () => {
  it.each(Object.keys(data.operations))("%s: lines fit in 100 columns and the text is the data", (name) => {
    const text = dataBlock(data.operations[name], { indent: 0, column: 40, trailing: 1 });
    expect(text.split("\n").filter((line, i) => (i === 0 ? 40 : 0) + line.length + 1 > 100)).toEqual([]);
    expect(text.split("\n").length).toBeGreaterThan(3);
    expect(evaluate(text)).toEqual(data.operations[name]);
  });

  it("keeps a value that fits on one line, and breaks only what does not", () => {
    expect(dataBlock({ a: 1, b: ["x"] }, { indent: 0, column: 0, trailing: 1 })).toBe('{ a: 1, b: ["x"] }');
    const long = { short: 1, long: { text: "y".repeat(90) } };
    expect(dataBlock(long, { indent: 0, column: 0, trailing: 1 })).toBe(
      `{\n  short: 1,\n  long: {\n    text: "${"y".repeat(90)}",\n  },\n}`,
    );
  });

  it("writes keys that are not identifiers quoted, __proto__ computed, and an empty object as {}", () => {
    const text = dataBlock(
      { "4XX": {}, __proto__x: 1, ["__proto__"]: 2, "a-b": "z".repeat(100) },
      { indent: 0, column: 0, trailing: 1 },
    );
    expect(text).toContain('"4XX": {},');
    expect(text).toContain('"a-b": ');
    expect(evaluate(text)).toEqual({ "4XX": {}, __proto__x: 1, ["__proto__"]: 2, "a-b": "z".repeat(100) });
  });
});
