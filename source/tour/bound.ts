import type {Snapshot} from '../metrics/snapshot.js';

/** A run the model expects to end within this many bounds runs to its end, measured. */
const BOUND_SLACK = 2;
/** However the model misjudged it, no run of a bounded scene goes on past this many bounds. */
const BOUND_CAP = 3;

type Run = Pick<Snapshot, 'status' | 'elapsedMs' | 'pausedMs' | 'completed' | 'failed' | 'run'> & {readonly model: Pick<Snapshot['model'], 'predictedMs'>};

const activeMs = (s: Run): number => Math.max(0, s.elapsedMs - s.pausedMs);

/**
 * Should the scene's bound stop this running run now? Only a run the model says is too long
 * for the talk (more than BOUND_SLACK bounds) stops at the bound, and any run at BOUND_CAP bounds:
 * a short run in a bounded scene (n pressed, a fast mode of the leaderboard) is measured to its end.
 */
export function pastBound(s: Run, boundSeconds: number | undefined): boolean {
	if (boundSeconds === undefined || s.status !== 'running') {
		return false;
	}

	const bound = boundSeconds * 1000;
	const active = activeMs(s);
	return active >= bound && (s.model.predictedMs > BOUND_SLACK * bound || active >= BOUND_CAP * bound);
}

/** Did the run end because the scene's bound stopped it (not a key, not the presenter moving on)? */
export function endedAtBound(s: Run, boundSeconds: number | undefined): boolean {
	return boundSeconds !== undefined
		&& s.status === 'cancelled'
		&& s.completed + s.failed < s.run.requested
		&& activeMs(s) >= boundSeconds * 1000;
}
