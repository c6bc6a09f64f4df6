/**
 * A minor collection of the lane's read buffers (see io.ts, `counted`),
 * for lane processes only: elsewhere (a worker thread of the UI's process)
 * nothing is collected. The gc function is fetched on the first collection,
 * not by starting lane processes with --expose-gc: that flag makes V8 reject
 * Node's built-in code cache, which cost each lane process about 15 ms of
 * CPU to start (measured on this project's 2-core machine).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

type Gc = (options: {type: 'minor'}) => void;

let enabled = false;
let gc: Gc | undefined;

/** Let this process collect (called by a lane process's entry). */
export function enableCollection(): void {
	enabled = true;
}

/** Run a minor collection where enabled; a no-op elsewhere. */
export function collectMinor(): void {
	if (!enabled) {
		return;
	}

	gc ??= loadGc();
	gc({type: 'minor'});
}

function loadGc(): Gc {
	const existing = (globalThis as {gc?: Gc}).gc;
	if (existing) {
		return existing;
	}

	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as Gc;
}
