/**
 * `--format junit`: JUnit XML as CI test reporters read it (the common junit-10 schema). One
 * `<testsuite>` per run and category, one `<testcase>` per entry (name = id, classname =
 * `<model>.<category>`); a failing entry carries its rendered mismatches. Gates form one more
 * suite, `<model>.gates`. No timestamps or timings, so the output is reproducible.
 */
import { describeMismatch } from "../../format.js";
import { isView, type Document, type ScoreDocument, type ViewDocument } from "./document.js";
import { allGates, describeGate, gateName } from "./words.js";

/**
 * Escapes text for XML element content, or (`attribute`) for a double-quoted attribute value.
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates) become `\uXXXX`.
 */
export function xmlEscape(s: string, attribute = false): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lead = c >= 0xd800 && c <= 0xdbff;
    const pair = lead && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (c === 0x26) out += "&amp;";
    else if (c === 0x3c) out += "&lt;";
    else if (c === 0x3e) out += "&gt;";
    else if (c === 0x22 && attribute) out += "&quot;";
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else out += s[i]!;
  }
  return out;
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`)
    .join("");

/** One `<testsuite>` per group (category), one `<testcase>` per item; errors and warnings fail. */
function renderViewJunit(doc: ViewDocument): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const group of [...new Set(doc.items.map((i) => i.group))]) {
    const items = doc.items.filter((i) => i.group === group);
    const failed = items.filter((i) => i.severity !== "info").length;
    tests += items.length;
    failures += failed;
    const cases = items.map((i) => {
      const head = `    <testcase${attrs({ name: `${i.id} ${i.code}`, classname: group })}`;
      const at = i.file ? `\nat ${i.file}:${i.line ?? 0}` : "";
      if (i.severity === "info") return `${head}>\n      <system-out>${xmlEscape(i.message)}</system-out>\n    </testcase>`;
      return `${head}>\n      <failure${attrs({ message: i.message, type: `${i.severity}:${i.code}` })}>${xmlEscape(i.message + at)}</failure>\n    </testcase>`;
    });
    suites.push(`  <testsuite${attrs({ name: group, tests: items.length, failures: failed, errors: 0, skipped: 0 })}>\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: doc.title, tests, failures, errors: 0 })}>\n${suites.join("\n")}\n</testsuites>\n`;
}

export function renderJunit(anyDoc: Document): string {
  if (isView(anyDoc)) return renderViewJunit(anyDoc);
  const doc: ScoreDocument = anyDoc;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const run of doc.runs) {
    const model = run.report.model;
    for (const cat of run.report.categories) {
      const cases = run.report.results
        .filter((r) => r.category === cat.category)
        .map((r) => {
          const head = `    <testcase${attrs({ name: r.id, classname: `${model}.${cat.category}` })}`;
          if (r.valid) return `${head}/>`;
          const messages = r.mismatches.map(describeMismatch);
          const body = [...messages, `at ${r.source.file}:${r.source.line}`].join("\n");
          return `${head}>\n      <failure${attrs({ message: messages[0]!, type: r.errorType })}>${xmlEscape(body)}</failure>\n    </testcase>`;
        });
      const failed = cat.total - cat.correct;
      tests += cat.total;
      failures += failed;
      suites.push(`  <testsuite${attrs({ name: `${model}.${cat.category}`, tests: cat.total, failures: failed, errors: 0, skipped: 0 })}>\n${cases.join("\n")}\n  </testsuite>`);
    }
    const gates = allGates({ ...doc, runs: [run] });
    if (gates.length) {
      const failed = gates.filter((g) => !g.gate.passed).length;
      tests += gates.length;
      failures += failed;
      const cases = gates.map(({ gate }) => {
        const head = `    <testcase${attrs({ name: gateName(gate), classname: `${model}.gates` })}`;
        return gate.passed ? `${head}/>` : `${head}>\n      <failure${attrs({ message: describeGate(gate), type: `gate:${gate.reason}` })}/>\n    </testcase>`;
      });
      suites.push(`  <testsuite${attrs({ name: `${model}.gates`, tests: gates.length, failures: failed, errors: 0, skipped: 0 })}>\n${cases.join("\n")}\n  </testsuite>`);
    }
  }
  const root = attrs({ name: `toolgrade ${doc.toolgrade} · ruleset ${doc.ruleset} (${doc.rulesetVersion})`, tests, failures, errors: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join("\n")}\n</testsuites>\n`;
}
