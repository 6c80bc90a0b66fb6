// The machine a result was measured on: numbers mean little without it.
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";

export interface Machine {
  cpus: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  platform: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? "unknown";
  } catch {
    return "unknown (no /proc/cpuinfo)";
  }
}

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function machineMarkdown(m: Machine): string {
  return `nproc ${m.cpus}, ${m.memoryGiB} GiB memory, ${m.cpuModel}, Node ${m.node}, ${m.platform}`;
}
