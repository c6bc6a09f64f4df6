import {createWriteStream, type WriteStream} from 'node:fs';
import {UsageError, fileWhy} from '../config/errors.js';
import {t} from '../i18n/catalogue.js';

/**
 * What an output is to the run, which decides what its failure costs:
 * `result` (stdout with the JSON or the plain table) and `file` (--record,
 * --trace) fail the run's exit code with one line on stderr; `notes` (stderr:
 * progress and notes) fails quietly, as there is nowhere left to say it;
 * `terminal` (the dashboard's stdin and stdout) going away ends the run as a
 * hang-up does, quietly.
 */
export type OutputKind = 'result' | 'file' | 'notes' | 'terminal';

/** A watched stream: its kind, what the failure line calls it (stdout, or a flag and its file), why it failed. */
type Watched = {readonly kind: OutputKind; readonly name: string; readonly path?: string; why?: string};

/**
 * The run's output streams, watched: a stream that fails (a full disk, a
 * closed pipe, a terminal gone) is never thrown at. Its first error is kept
 * and later writes to it go nowhere, so every other output is still written;
 * `settle` then says what failed, one line each, where it can still be seen.
 */
export type Outputs = {
	/** Keeps the stream's first error instead of letting it be thrown; `name` is what a failure line calls it. */
	watch(stream: NodeJS.EventEmitter, kind: OutputKind, name: string, path?: string): void;
	/** Creates (or truncates) `path` for `flag` and watches it; rejects with a UsageError when it cannot be opened. */
	open(flag: '--record' | '--trace' | '--save', path: string): Promise<WriteStream>;
	/** Writes `text` to a watched stream; resolves once it is written or has failed (never rejects). */
	write(stream: NodeJS.WritableStream, text: string): Promise<void>;
	/** `concviz: ` and the template in the current language, its `{name}`s filled in, on stderr (unless stderr has failed). */
	note(template: string, values?: Readonly<Record<string, string>>): void;
	/** Calls `listener` once, when a `terminal` stream fails. */
	onTerminalLost(listener: () => void): void;
	/** One line per failed result or file, in the order they failed. */
	failures(): string[];
	/** Writes the failures on stderr and returns the exit code: 1 when an output failed, else `code`. */
	settle(code: number): number;
};

/** `{name}` placeholders filled in (a function replacer, so a `$` in a path stays as it is). */
const fill = (template: string, values: Readonly<Record<string, string>>): string =>
	template.replaceAll(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const lineOf = ({kind, name, path = '', why = ''}: Watched): string =>
	fill(kind === 'result' ? t('cannot write the result to {name}: {why}') : t('{name}: cannot write {path}: {why}'), {name, path, why: t(why)});

/** The outputs of one command, stderr watched from the start (docs/architecture.md, "Outputs"). */
export function createOutputs(stderr: NodeJS.WritableStream): Outputs {
	const watched = new Map<NodeJS.EventEmitter, Watched>();
	const failed: Watched[] = [];
	let terminalLost: (() => void) | undefined;
	let lost = false;

	const fail = (output: Watched, error: unknown): void => {
		if (output.why !== undefined) {
			return;
		}

		output.why = fileWhy(error);
		failed.push(output);
		if (output.kind === 'terminal' && !lost) {
			lost = true;
			terminalLost?.();
		}
	};

	const say = (line: string): void => {
		if (watched.get(stderr)?.why === undefined) {
			stderr.write(`concviz: ${line}\n`);
		}
	};

	const self: Outputs = {
		watch(stream, kind, name, path) {
			if (watched.has(stream)) {
				return;
			}

			const output: Watched = {kind, name, path};
			watched.set(stream, output);
			stream.on('error', (error: unknown) => {
				fail(output, error);
			});
		},
		async open(flag, path) {
			const file = createWriteStream(path, {encoding: 'utf8'});
			await new Promise<void>((resolve, reject) => {
				const onError = (error: unknown): void => {
					reject(new UsageError(`${flag}: cannot write ${path}: ${fileWhy(error, 'no such directory')}`));
				};

				file.once('error', onError);
				file.once('open', () => {
					file.off('error', onError);
					resolve();
				});
			});
			self.watch(file, 'file', flag, path);
			return file;
		},
		async write(stream, text) {
			await new Promise<void>((resolve) => {
				stream.write(text, (error?: Error | null) => {
					const output = watched.get(stream);
					if (error && output) {
						fail(output, error);
					}

					resolve();
				});
			});
		},
		note(template, values = {}) {
			say(fill(t(template), values));
		},
		onTerminalLost(listener) {
			terminalLost = listener;
		},
		failures: () => failed.filter((output) => output.kind === 'result' || output.kind === 'file').map(lineOf),
		settle(code) {
			const lines = self.failures();
			for (const line of lines) {
				say(line);
			}

			return lines.length > 0 ? 1 : code;
		},
	};
	self.watch(stderr, 'notes', 'stderr');
	return self;
}
