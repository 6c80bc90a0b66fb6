// `npm run hardening`: peak memory and time of the generator on every hostile spec, then of a
// generated client on every hostile server reply, each in a process of its own, against the bounds
// docs/security.md states. Exits 1 when any run exceeds its bound or ends the wrong way.
import { hardenReplies } from "./hardening/replies.js";
import { measureHostileSpecs, specTable } from "./hardening/specs.js";

process.stdout.write("## generate on hostile specs\n\n");
const specs = await measureHostileSpecs({ onRow: (r) => process.stderr.write(r.ok ? "." : "x") });
process.stdout.write(`\n${specTable(specs)}\n\n## a generated client on hostile server replies\n\n`);
const replies = await hardenReplies((line) => process.stdout.write(`${line}\n`));
const failed = specs.filter((r) => !r.ok).length + replies.filter((r) => r.broken.length).length;
process.stdout.write(`\n${failed ? `${failed} run(s) exceeded their bounds` : "every run within its bounds"}\n`);
process.exitCode = failed ? 1 : 0;
