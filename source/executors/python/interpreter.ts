import {spawnSync} from 'node:child_process';
import {UsageError} from '../../config/errors.js';
import {RUNNER_DIR} from './runner-path.js';

/** The interpreter --runtime python runs, as checked before the first run. */
export type PythonInterpreter = {
	readonly path: string;
	readonly version: string;
	/** sys._is_gil_enabled() (absent before 3.13: a GIL). */
	readonly gil: boolean;
};

/** What the runner imports: requests for the blocking modes, aiohttp for the loops. */
export const PYTHON_MODULES = ['requests', 'aiohttp'] as const;
const MIN_VERSION = [3, 9] as const;
const CHECK_DEADLINE_MS = 15_000;

/** --python PATH, else CONCVIZ_PYTHON, else python3. */
export const pythonPathOf = (flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string =>
	flag ?? (env['CONCVIZ_PYTHON'] || 'python3');

type Checked = {version: number[]; gil: boolean; missing: string[]};

function missingLine(path: string, missing: readonly string[]): string {
	const one = missing.length === 1;
	return `${path} has no module${one ? '' : 's'} ${missing.join(', ')}: pip install ${missing.join(' ')} (or apt install ${missing.map(name => `python3-${name}`).join(' ')})`;
}

/**
 * Run the runner's `--check` with `path`: one line (a UsageError) when the
 * interpreter is missing, older than 3.9, or lacks a module the runner imports.
 */
export function checkPython(path: string, modules: readonly string[] = PYTHON_MODULES): PythonInterpreter {
	const run = spawnSync(path, [RUNNER_DIR, '--check', ...modules], {encoding: 'utf8', timeout: CHECK_DEADLINE_MS});
	if (run.error) {
		const code = (run.error as NodeJS.ErrnoException).code;
		throw new UsageError(code === 'ENOENT'
			? `${path} not found: install Python 3.9 or newer (apt install python3) or name one with --python PATH`
			: `${path} could not be run (${code ?? run.error.message})`);
	}

	let checked: Checked | undefined;
	try {
		checked = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Checked;
	} catch {
		checked = undefined;
	}

	if (run.status !== 0 || !checked) {
		const why = (run.stderr ?? '').trim().split('\n').at(-1)?.slice(0, 120) || `exit code ${run.status}`;
		throw new UsageError(`${path} could not run concviz's Python runner (needs Python ${MIN_VERSION.join('.')}+): ${why}`);
	}

	const [major = 0, minor = 0] = checked.version;
	const version = checked.version.join('.');
	if (major < MIN_VERSION[0] || (major === MIN_VERSION[0] && minor < MIN_VERSION[1])) {
		throw new UsageError(`${path} is Python ${version}; concviz's Python runner needs ${MIN_VERSION.join('.')} or newer`);
	}

	if (checked.missing.length > 0) {
		throw new UsageError(missingLine(path, checked.missing));
	}

	return {path, version, gil: checked.gil};
}
