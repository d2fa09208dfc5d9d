/**
 * Output formats of `toolgrade score`, chosen from one table. Each renderer turns the scored
 * runs into text and writes nowhere; the formats live in render/.
 */
import type { Renderer } from "./render/document.js";
import { renderGithub } from "./render/github.js";
import { renderJson, renderJsonl } from "./render/json.js";
import { renderJunit } from "./render/junit.js";
import { renderMarkdown } from "./render/markdown.js";
import { renderText } from "./render/text.js";

export type { Document, RenderOptions, Renderer, ScoreDocument, ScoredRun, SliceNote, ViewDocument, ViewItem } from "./render/document.js";

export const OUTPUT_FORMATS = ["text", "json", "jsonl", "junit", "markdown", "github"] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const RENDERERS: Readonly<Record<OutputFormat, Renderer>> = {
  text: renderText,
  json: renderJson,
  jsonl: renderJsonl,
  junit: renderJunit,
  markdown: renderMarkdown,
  github: renderGithub,
};

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}
