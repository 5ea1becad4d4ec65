// A worker thread that parses notes files: YAML parsing dominates large validations, and files
// are independent. Receives sources, answers with their parse results (without the texts, which
// the main thread already has).
import { parentPort } from 'node:worker_threads';
import { parseYamlFile } from '../load/parse-yaml.js';
import { strip, type ParseJob } from './parallel-parse.js';

parentPort?.on('message', (jobs: ParseJob[]) => {
  parentPort?.postMessage(jobs.map(({ source, role }) => strip(parseYamlFile(source, role))));
});
