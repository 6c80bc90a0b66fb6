// A bench section measures one thing and returns Markdown for bench/RESULTS.md. index.ts runs
// the list of sections in order; a new number is a new section file appended to that list.
export interface BenchContext {
  /** --quick: one run per measurement instead of five (fewer rounds and saves), for development. */
  quick: boolean;
  runs: number;
  /** Scratch folder for generated outputs, removed after the bench. */
  workDir: string;
  /** Progress lines go here (stderr), results go into the section's Markdown. */
  log: (line: string) => void;
}

export interface Section {
  title: string;
  run(ctx: BenchContext): Promise<string>;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (value: number, base: number | undefined) => (base ? `${(value / base).toFixed(2)}x` : "-");
