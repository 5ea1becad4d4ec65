import { stat } from 'node:fs/promises';
import path from 'node:path';

/** A folder with programme.yaml and no workshop.yaml is a programme of workshops. (Small: `validate` asks it first.) */
export async function isProgramme(dir: string, cwd: string): Promise<boolean> {
  const exists = (name: string) => stat(path.resolve(cwd, dir, name)).then(() => true, () => false);
  return (await exists('programme.yaml')) && !(await exists('workshop.yaml'));
}
