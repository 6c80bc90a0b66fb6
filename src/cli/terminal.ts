// Colour and progress for a human at a terminal, and nothing of either for pipes, CI logs and
// NO_COLOR users (https://no-color.org): escape codes in a log file are noise.

export interface TerminalInfo {
  /** stdout is a terminal. */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export interface Style {
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

export function colourEnabled(terminal: TerminalInfo): boolean {
  const noColour = terminal.env.NO_COLOR;
  return terminal.isTTY && (noColour === undefined || noColour === "");
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\x1b[${open}m${text}\x1b[${close}m`;
}

export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  }
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

export interface Progress {
  /** Replaces the progress line. */
  show: (text: string) => void;
  /** Erases it, before a line that stays. */
  clear: () => void;
}

/** One self-overwriting status line; a no-op unless enabled (a TTY, and not --quiet or --json). */
export function createProgress(write: (text: string) => void, enabled: boolean): Progress {
  let shown = false;
  return {
    show(text) {
      if (!enabled) return;
      write(`\r\x1b[K${text}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      write("\r\x1b[K");
      shown = false;
    },
  };
}
