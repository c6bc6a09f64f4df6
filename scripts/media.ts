/**
 * `npm run media`: the pictures of docs/usage.md, made from a real recording. It plays
 * part of the tour in a pseudo-terminal at 100×30 with --record, then exports
 * the screen just before each chosen scene ends as an SVG (concviz export).
 * Every figure in the pictures is what this machine measured during the run.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {markersOf} from '../source/export/cast.js';
import {loadCast} from '../source/export/open-cast.js';
import {screenAt} from '../source/export/screen-at.js';
import {screenToSvg} from '../source/export/svg.js';
import {killAll, startPty} from '../test/helpers/pty.js';
import {writeFile} from 'node:fs/promises';
import {waitForQuiet} from './quiet.js';

const RIGHT = '\u001B[C';
const OUT = new URL('../../docs/media/', import.meta.url);
/** Scenes to picture (1-based), each shown as it stands just before the next scene starts. */
const PICTURES = [
	{lang: 'en', scenes: [{scene: 5, file: 'tour-processes-threads.svg'}, {scene: 7, file: 'tour-async.svg'}]},
	{lang: 'pt', scenes: [{scene: 1, file: 'tour-sequencial-pt.svg'}]},
] as const;

const sceneOf = (screen: string): number => Number(/^ (\d+)\/11 /.exec(screen.split('\n')[0] ?? '')?.[1] ?? 0);
// The status words in either language (--lang pt: executando, concluído, cancelado; a bounded scene: stopped after…, parada após…).
const running = (screen: string): boolean => /▸ (running|executando)/.test(screen.split('\n')[4] ?? '');
const ended = (screen: string): boolean => /✓ (done|concluído)|■ (cancelled|cancelado|stopped after|parada após)/.test(screen.split('\n')[4] ?? '');

async function record(lang: string, scenes: readonly number[], cast: string): Promise<void> {
	const pty = startPty(['tour', '--lang', lang, '--record', cast], {cols: 100, rows: 30});
	try {
		const last = Math.max(...scenes);
		for (let scene = 1; scene <= last + 1; scene++) {
			// The header still shows the previous scene's run (cancelled) until this scene's starts.
			await pty.waitFor((s) => sceneOf(s) === scene && (scene === 1 || !scenes.includes(scene) || running(s)), 120_000);
			if (scenes.includes(scene)) {
				await pty.waitFor((s) => ended(s), 120_000);
				await new Promise((resolve) => {
					setTimeout(resolve, 1500);
				});
			}

			if (scene <= last) {
				pty.write(RIGHT);
			}
		}

		pty.write('q');
		await pty.exited;
	} finally {
		await killAll();
	}
}

// The pictures show what the machine measured: on a busy machine they would show other work's load (the CPU bars, the model's note).
const QUIET_CORES = 0.15;
const quiet = await waitForQuiet({
	maxCores: QUIET_CORES,
	windowMs: 3000,
	giveUpMs: 5 * 60_000,
	busy(cores) {
		process.stderr.write(`media: waiting for a quiet machine (other work keeps ${cores.toFixed(2)} cores busy)\n`);
	},
});
if (!quiet.quiet) {
	process.stderr.write(`media: could not find a quiet machine in 5 minutes (other work kept ${quiet.cores.toFixed(2)} cores busy, at most ${QUIET_CORES} allowed); no picture made\n`);
	process.exitCode = 1;
} else {
	await makePictures();
}

/** Record the tour, then export each chosen scene's last frame. */
async function makePictures(): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), 'concviz-media-'));
	try {
		for (const {lang, scenes} of PICTURES) {
			const cast = join(dir, `tour-${lang}.cast`);
			await record(lang, scenes.map((s) => s.scene), cast);
			const recording = await loadCast(cast);
			const starts = markersOf(recording).filter((m) => /^\d+\/11 /.test(m.label));
			for (const {scene, file} of scenes) {
				const next = starts.find((m) => m.label.startsWith(`${scene + 1}/11 `));
				const at = (next?.time ?? recording.duration) - 0.2;
				const svg = screenToSvg(await screenAt(recording, at), `concviz tour, scene ${scene}/11`);
				await writeFile(new URL(file, OUT), svg);
				process.stdout.write(`docs/media/${file}: scene ${scene} at ${at.toFixed(1)}s of the recording\n`);
			}
		}
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}
