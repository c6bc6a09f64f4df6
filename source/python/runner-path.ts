import {fileURLToPath} from 'node:url';

/** The runner's package in the repository (shipped as is): from dist/source/python/ it is ../../../python/concviz_runner. */
export const RUNNER_DIR = fileURLToPath(new URL('../../../python/concviz_runner', import.meta.url));
