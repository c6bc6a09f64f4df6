import type {RunConfig, ServerOptions} from '../config/config.js';
import {MODES} from '../config/config.js';
import type {RunResult} from '../metrics/snapshot.js';
import {formatJson} from '../reporters/json.js';
import {formatProgressLine, formatSummaryTable} from '../reporters/plain.js';
import type {RunTap, SessionObserver} from '../session/observer.js';
import {createSession} from '../session/session.js';
import {UsageError} from '../config/errors.js';
import type {Outputs} from './outputs.js';

export type HeadlessInput = {
	readonly config: RunConfig;
	readonly server: ServerOptions;
	readonly compare: boolean;
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WriteStream;
	/** Watches stdout (and stderr) for failures: a closed stderr costs nothing, a failed stdout the exit code. */
	readonly outputs: Outputs;
	/** Watches the session beside the reducer (--trace). */
	readonly observer?: SessionObserver;
	/** Sees every run's reducer actions (--save). */
	readonly tap?: RunTap | undefined;
};

/**
 * No dashboard: run one mode (or all six for compare), print the JSON result
 * (--json) or a plain summary table to stdout, progress to stderr. Ctrl+C or
 * SIGTERM cancels: the unfinished tasks count as cancelled and the result is
 * still printed. Returns the exit code.
 */
export async function runHeadless(input: HeadlessInput): Promise<number> {
	const {config, stderr, outputs} = input;
	outputs.watch(input.stdout, 'result', 'stdout');
	const session = createSession({server: input.server, observer: input.observer, tap: input.tap});
	let stopping = false;
	const stop = (): void => {
		stopping = true;
		session.cancel();
	};

	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	let lastProgress = 0;
	const offProgress = config.json
		? () => undefined
		: session.subscribe((snapshot) => {
			if (snapshot.t - lastProgress < (stderr.isTTY ? 250 : 1000)) {
				return;
			}

			lastProgress = snapshot.t;
			stderr.write(stderr.isTTY ? `\r\u001B[2K${formatProgressLine(snapshot)}` : `${formatProgressLine(snapshot)}\n`);
		});
	const results: RunResult[] = [];
	try {
		const modes = input.compare ? MODES : [config.mode];
		for (const mode of modes) {
			if (stopping && results.length > 0) {
				break;
			}

			results.push(await session.run({...config, mode}));
		}
	} catch (error) {
		if (error instanceof UsageError) {
			// A setting this machine cannot hold (open files, memory): bad input, one line, exit 2.
			throw error;
		}

		stderr.write(`${stderr.isTTY && !config.json ? '\r\u001B[2K' : ''}concviz: the run could not complete: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	} finally {
		offProgress();
		process.off('SIGINT', stop);
		process.off('SIGTERM', stop);
		await session.close();
	}

	if (!config.json && stderr.isTTY) {
		stderr.write('\r\u001B[2K');
	}

	await outputs.write(input.stdout, config.json ? formatJson(input.compare ? results : results[0]!) : formatSummaryTable(results));
	return 0;
}
