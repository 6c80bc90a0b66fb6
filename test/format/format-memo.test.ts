// The memory of a formatter belongs to the formatter: what one --watch session remembered is not
// seen by another formatter in the same process, and within one session an edit re-formats only
// what changed (format-memo.ts).
import { describe, expect, it } from "vitest";
import { createPrettierFormat } from "../../src/format/format.js";
import { createFormatMemo } from "../../src/format/format-memo.js";

const prettier = createPrettierFormat();

/** Prettier, counting what it is asked to format. */
function countingPrettier() {
  const asked: string[] = [];
  return { asked, format: (source: string) => (asked.push(source), prettier(source)) };
}

const file = (type: string) =>
  `export interface Shapes {\n  circle: {radius: number};\n  square: {side:number};\n  label: ${type};\n}\nexport const sizes = {\n  small: 1,\n  large: [1,2,3],\n};\n`;

describe("a formatter's memory", () => {
  it("formats a text once per formatter, and a second formatter remembers nothing of the first", async () => {
    const inner = countingPrettier();
    const memo = createFormatMemo(inner.format);
    const first = await memo(file("string"));
    expect(await memo(file("string"))).toBe(first);
    expect(inner.asked).toHaveLength(1);

    const other = countingPrettier();
    expect(await createFormatMemo(other.format)(file("string"))).toBe(first);
    expect(other.asked).toHaveLength(1);
  });

  it("re-formats only the changed member after an edit, when piecewise, and gives prettier's bytes", async () => {
    const inner = countingPrettier();
    const memo = createFormatMemo(inner.format, { piecewise: true });
    await memo(file("string"));
    inner.asked.length = 0;
    const edited = await memo(file('"a" | "b"'));
    expect(edited).toBe(await prettier(file('"a" | "b"')));
    const sent = inner.asked.join("\n");
    expect(sent).toContain('label: "a" | "b"');
    expect(sent).not.toContain("radius");
    expect(sent).not.toContain("large");
  });

  it("does not remember a failure: the next call fails afresh", async () => {
    const inner = countingPrettier();
    const memo = createFormatMemo(inner.format);
    await expect(memo("export const = ;\n")).rejects.toThrow();
    await expect(memo("export const = ;\n")).rejects.toThrow();
    expect(inner.asked).toHaveLength(2);
  });
});
