import { Chalk } from 'chalk';
import type { Style } from '../diagnostics/reporter.js';
import type { Io } from './io.js';

/** Colour is decided once, here: off when stderr is not a terminal, NO_COLOR is set, or --no-color. */
export function styleFor(io: Io, wanted: boolean): Style {
  const level = wanted && io.stderr.isTTY === true && !io.env.NO_COLOR ? 1 : 0;
  const chalk = new Chalk({ level });
  return {
    error: (t) => chalk.red.bold(t),
    warning: (t) => chalk.yellow.bold(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    path: (t) => chalk.cyan(t),
  };
}
