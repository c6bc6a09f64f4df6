/**
 * Node's on-disk compile cache for lanes (Node ≥ 22.1): every lane process
 * and lane thread compiles undici and the lane's modules again; with the
 * cache they are read back compiled. The cache is per user, in
 * os.tmpdir()/concviz-<uid>/compile-cache, used only when that folder is
 * this user's own and nobody else may write it; any failure leaves the
 * cache off, never the run. The first run on a machine fills it (a lane
 * writes what it compiled once its run is over, so the writing is never
 * part of a measured request); start-up is measured the same either way.
 * A NODE_COMPILE_CACHE or NODE_DISABLE_COMPILE_CACHE of the user's wins.
 *
 * Lane processes only, not worker threads: a thread writes its cache as
 * it is terminated, which is how pools end their threads (mid-run too, when
 * a run is closed), and with threads on it the test suite's process once
 * crashed (SIGSEGV) as it exited, not reproduced since; the cache would save
 * a thread ~8 ms of its ~70 ms (measured under load).
 */
import {existsSync, lstatSync, mkdirSync} from 'node:fs';
import module from 'node:module';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';

const api = module as {flushCompileCache?: () => void};

/** The cache folder for this user under `base` (created 0700), or undefined when `base` is missing, it can't be made, is shared or not ours. */
export function compileCacheDir(base = tmpdir()): string | undefined {
	try {
		const uid = process.getuid?.();
		const home = join(base, `concviz-${uid ?? userInfo().username}`);
		// Not recursive: a temporary folder that does not exist is not made (the cache is off).
		if (!existsSync(home)) {
			mkdirSync(home, {mode: 0o700});
		}

		const stat = lstatSync(home);
		if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) {
			return undefined;
		}

		return join(home, 'compile-cache');
	} catch {
		return undefined;
	}
}

let env: Record<string, string> | undefined;

/** What to add to a lane process's environment to turn the cache on there (nothing when it stays off). */
export function compileCacheEnv(): Record<string, string> {
	if (!env) {
		const own = process.env['NODE_COMPILE_CACHE'] !== undefined || process.env['NODE_DISABLE_COMPILE_CACHE'] !== undefined;
		const dir = own ? undefined : compileCacheDir();
		env = dir ? {NODE_COMPILE_CACHE: dir} : {};
	}

	return env;
}

/** Write what this thread compiled and has not written yet (Node ≥ 22.10; before that, at exit). Never throws. */
export function flushCompileCache(): void {
	try {
		api.flushCompileCache?.();
	} catch {
		// The cache only saves time: failing to write it is no failure of the run.
	}
}

/** The environment of lane threads: this process's, less the compile cache concviz turned on for it (a user's own stays). */
export function laneThreadEnv(): NodeJS.ProcessEnv {
	const {NODE_COMPILE_CACHE: dir, ...rest} = process.env;
	return dir !== undefined && dir === compileCacheDir() ? rest : process.env;
}
