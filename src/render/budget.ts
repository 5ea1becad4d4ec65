import type Handlebars from 'handlebars';
import { LIMITS } from '../limits.js';

/**
 * A work budget for rendering. Handlebars is synchronous and an editor's template can loop over a list
 * inside a loop over the same list: on a large workshop that runs for hours and fills memory. Instead
 * of a clock (tests must not depend on timing), the renderer counts steps — a block entered
 * ({{#each}}, {{#if}}, {{#unless}}, {{#with}}), each item an {{#each}} goes through, a partial
 * placed — and the characters each block and partial writes, and stops a document that goes past the
 * limits with the template file and the line of the block that was running.
 */

/** Where a node is in its template: 1-based line, 0-based column, as Handlebars gives them. */
export interface SourceLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface WorkLimits {
  /** Steps one document may take. */
  steps: number;
  /** Characters one document may have. */
  outputChars: number;
}

export const DEFAULT_WORK_LIMITS: WorkLimits = { steps: LIMITS.templateSteps, outputChars: LIMITS.templateOutputChars };

/** A block or partial running, innermost last. `template` is the file's key in the template set. */
export interface BlockSite {
  template: string;
  loc?: SourceLoc;
  /** The helper of the block (`each`, `if`, …); absent for a partial or the document itself. */
  helper?: string;
  /** The partial being placed, when the step that went over was placing it. */
  partial?: string;
}

/** Thrown when a document goes past its work limits; {@link templateDiagnostic} makes it a located error. */
export class TemplateBudgetError extends Error {
  constructor(
    readonly kind: 'steps' | 'output',
    readonly limit: number,
    /** The document being rendered: `report.md`, `countries/MLI.md`. */
    readonly document: string,
    /** The block that was running, in the file it is written in. */
    readonly site: BlockSite,
    /** The loops ({{#each}}) around it, outermost first. */
    readonly loops: readonly BlockSite[],
  ) {
    super(`${document}: template work limit (${kind}: ${limit}) exceeded`);
    this.name = 'TemplateBudgetError';
  }
}

/** A block or partial running. Fixed shape: one is made per block call. */
class Frame implements BlockSite {
  /** Characters written by the frames directly inside this one. */
  nested = 0;
  constructor(
    readonly template: string,
    readonly loc: SourceLoc | undefined,
    readonly helper: string | undefined,
    readonly partial: string | undefined,
  ) {}
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type HelperOptions = { loc?: SourceLoc };
type PartialOptions = { name: string; fn?: Fn & Record<string, unknown> };
type Runtime = { invokePartial: (this: unknown, partial: unknown, context: unknown, options: PartialOptions) => unknown; noop: unknown };

const BLOCK_HELPERS = ['each', 'if', 'unless', 'with', 'blockHelperMissing'] as const;

/** The items `{{#each value}}` goes through (an iterable other than an array is not counted ahead). */
function items(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.length;
  if (Symbol.iterator in value) return 0;
  return Object.keys(value).length;
}

/** Counts the work of one document at a time; see {@link meterEnvironment}. */
export class WorkMeter {
  private limits: WorkLimits = DEFAULT_WORK_LIMITS;
  private document = '';
  private frames: Frame[] = [];
  private current = new Frame('', undefined, undefined, undefined);
  private stepCount = 0;
  private output = 0;

  /** Starts a document: the counts go back to zero. */
  begin(template: string, document: string, limits: WorkLimits): void {
    this.limits = limits;
    this.document = document;
    this.current = new Frame(template, undefined, undefined, undefined);
    this.frames = [this.current];
    this.stepCount = 0;
    this.output = 0;
  }

  /** Ends a document with its whole text: the part no block or partial wrote counts too. */
  finish(text: string): void {
    const root = this.frames[0]!;
    this.output += text.length - root.nested;
    if (this.output > this.limits.outputChars) throw this.fail('output', root);
  }

  /** Steps taken by the current (or last) document. */
  get steps(): number {
    return this.stepCount;
  }

  /**
   * `steps` steps at `where`, then `call` inside `frame`, whose output is counted: each frame adds what
   * it wrote itself, less what the frames inside it wrote, so nothing is counted twice.
   */
  private run(where: Frame, frame: Frame, steps: number, call: Fn, self: unknown, args: unknown[]): unknown {
    this.stepCount += steps;
    if (this.stepCount > this.limits.steps) throw this.fail('steps', where);
    const outer = this.current;
    this.frames.push(frame);
    this.current = frame;
    const out = call.apply(self, args);
    // No `finally`: an error ends the document, and `begin` starts the next one afresh.
    this.frames.pop();
    this.current = outer;
    const length = typeof out === 'string' ? out.length : 0;
    this.output += length - frame.nested;
    outer.nested += length;
    if (this.output > this.limits.outputChars) throw this.fail('output', where);
    return out;
  }

  /** A block helper (a helper another calls without a location, as `unless` calls `if`, is where that one is). */
  block(helper: string, call: Fn, self: unknown, args: unknown[]): unknown {
    const here = this.current;
    const options = args[args.length - 1] as HelperOptions | undefined;
    const frame = new Frame(here.template, options?.loc ?? here.loc, helper, undefined);
    const steps = helper === 'each' && args.length > 1 ? 1 + items(typeof args[0] === 'function' ? undefined : args[0]) : 1;
    return this.run(frame, frame, steps, call, self, args);
  }

  /** A partial placed where the current frame is; its blocks are located in `template`. */
  partial(name: string, template: string | undefined, call: Fn, self: unknown, args: unknown[]): unknown {
    const here = this.current;
    const where = new Frame(here.template, here.loc, here.helper, name);
    return this.run(where, new Frame(template ?? here.template, undefined, undefined, undefined), 1, call, self, args);
  }

  /** The body of `{{#> layout}}…{{/layout}}`: written in the caller's file, wherever the layout places it. */
  partialBlock<T extends Fn>(fn: T): T {
    const here = this.current;
    const meter = this;
    const body = function (this: unknown, ...args: unknown[]) {
      return meter.run(here, new Frame(here.template, here.loc, here.helper, undefined), 0, fn, this, args);
    };
    return Object.assign(body, fn);
  }

  private fail(kind: 'steps' | 'output', where: Frame): TemplateBudgetError {
    const site = (frame: Frame): BlockSite => ({ template: frame.template, ...(frame.loc ? { loc: frame.loc } : {}), ...(frame.helper ? { helper: frame.helper } : {}), ...(frame.partial ? { partial: frame.partial } : {}) });
    const key = (frame: Frame) => `${frame.template}:${frame.loc?.start.line}:${frame.loc?.start.column}`;
    const seen = new Set([key(where)]);
    const loops: BlockSite[] = [];
    for (const frame of this.frames) {
      if (frame.helper !== 'each' || !frame.loc || seen.has(key(frame))) continue;
      seen.add(key(frame));
      loops.push(site(frame));
    }
    return new TemplateBudgetError(kind, kind === 'steps' ? this.limits.steps : this.limits.outputChars, this.document, site(where), loops);
  }
}

/**
 * Makes an isolated Handlebars environment count its work: the built-in block helpers and partial
 * placement are wrapped; nothing else changes (strict mode and the prototype protections are the
 * compiler's and the runtime's). `partialTemplates` maps a partial's name to its file's key in the
 * template set. Register partials as compiled templates, not text: the runtime compiles and runs a
 * text partial outside the wrapper the first time it is placed.
 */
export function meterEnvironment(hb: typeof Handlebars, partialTemplates: ReadonlyMap<string, string>): WorkMeter {
  const env = hb as unknown as { VM: Runtime; helpers: Record<string, Fn> };
  const runtime = env.VM;
  const meter = new WorkMeter();
  for (const name of BLOCK_HELPERS) {
    const original = env.helpers[name];
    if (!original) continue;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      return meter.block(name, original, this, args);
    });
  }
  // The runtime reads env.VM.invokePartial at each call (a documented point to override); a copy for
  // this environment alone leaves every other Handlebars environment as it was.
  const invokePartial = runtime.invokePartial as Fn;
  env.VM = {
    ...runtime,
    invokePartial(this: unknown, ...args: unknown[]) {
      const options = args[2] as PartialOptions;
      if (options.fn && options.fn !== runtime.noop) options.fn = meter.partialBlock(options.fn);
      return meter.partial(options.name, partialTemplates.get(options.name), invokePartial, this, args);
    },
  };
  return meter;
}
