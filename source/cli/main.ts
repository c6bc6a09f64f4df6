import process from 'node:process';
import {MODES, type RunConfig} from '../config/config.js';
import {openFilesWhy} from '../session/open-files.js';
import {threadsWhy} from '../session/memory-fit.js';
import {runHeadless} from '../frontends/headless.js';
import type {Options} from './options.js';
import {assertWritable} from '../record/writable.js';
import {runServe} from '../server/serve.js';
import {UsageError} from '../config/errors.js';
import {createOutputs, type Outputs} from '../frontends/outputs.js';
import {setLang, t} from '../i18n/catalogue.js';
import {openTrace, type Tracer} from '../trace/open-trace.js';
import {describeSkipped, openUrlFile} from '../workloads/url-file.js';
import {capYoungGeneration} from './young-generation.js';
import {closeSave, openSave} from '../replay/open-save.js';
import type {RunTap} from '../session/observer.js';
import {withCheckedPython} from '../executors/python/checked-config.js';

async function withUrls(options: Options): Promise<RunConfig> {
	if (options.urlsFile === undefined) {
		return options.config;
	}

	const source = await openUrlFile(options.urlsFile);
	const skipped = describeSkipped(source);
	if (skipped !== '') {
		process.stderr.write(`concviz: ${options.urlsFile}: skipped ${skipped}\n`);
	}

	return {...options.config, target: {kind: 'urls', file: options.urlsFile, source}};
}

/** Runs what the command line asked for; returns the exit code (throws UsageError for bad input). */
export async function main(options: Options): Promise<number> {
	setLang(options.lang);
	if (options.command === 'serve') {
		await runServe(options.server, process.stdout);
		return 0;
	}

	if (options.command === 'export' && options.exportJob) {
		const {runExport} = await import('../export/run-export.js');
		return runExport(options.exportJob, process.stdout);
	}

	if (options.command === 'replay' && options.replayFile !== undefined) {
		const {runReplay} = await import('../replay/run-replay.js');
		return runReplay(options, process.stdout, process.stderr);
	}

	const outputs = createOutputs(process.stderr);
	const config = withCheckedPython(await withUrls({...options, config: await recordingOf(options, outputs)}));
	assertOpenFiles(config, options.command === 'compare');
	capYoungGeneration();
	const tracer = options.trace === undefined ? undefined : openTrace(await outputs.open('--trace', options.trace), options.trace);
	const saver = await openSave({...options, config}, outputs);
	let code: number;
	try {
		code = await runFrontend(options, config, tracer, outputs, saver);
	} finally {
		await closeSave(saver);
		const note = await tracer?.close();
		if (note) {
			outputs.note('--trace: {note}', {note});
		}
	}

	return outputs.settle(code);
}

/** A run with more threads in a process than it runs well, or needing more open files than this shell allows, is refused before it starts, saying what to do. */
function assertOpenFiles(config: RunConfig, everyMode: boolean): void {
	for (const mode of everyMode ? MODES : [config.mode]) {
		const why = threadsWhy({...config, mode}) ?? openFilesWhy({...config, mode});
		if (why) {
			throw new UsageError(why);
		}
	}
}

/**
 * The config with its --record checked up front (a file that cannot be
 * written is bad input, as the help says), then dropped with a note when no
 * dashboard will be drawn (--json, or a stdout that is not a terminal), so it
 * is never silently ignored.
 */
async function recordingOf(options: Options, outputs: Outputs): Promise<RunConfig> {
	const {config} = options;
	if (config.record === undefined) {
		return config;
	}

	await assertWritable('--record', config.record);
	const headless = options.command !== 'tour' && (config.json || !process.stdout.isTTY);
	if (!headless) {
		return config;
	}

	const why = config.json ? t('--json draws no dashboard') : t('stdout is not a terminal, so no dashboard is drawn');
	outputs.note('--record: nothing recorded to {path}: {why}', {path: config.record, why});
	return {...config, record: undefined};
}

async function runFrontend(options: Options, config: RunConfig, observer: Tracer | undefined, outputs: Outputs, tap?: RunTap): Promise<number> {
	if (options.command === 'tour') {
		if (!process.stdout.isTTY) {
			throw new UsageError('the tour needs a terminal (stdout is not one)');
		}

		const {runTour} = await import('../tour/run-tour.js');
		return runTour({config, server: options.server, lang: options.lang, theme: options.theme, autoplay: options.autoplay, outputs});
	}

	const compare = options.command === 'compare';
	if (config.json || !process.stdout.isTTY) {
		return runHeadless({config, server: options.server, compare, stdout: process.stdout, stderr: process.stderr, observer, outputs, tap});
	}

	const {runDashboard} = await import('../frontends/run-dashboard.js');
	return runDashboard({config, server: options.server, theme: options.theme, compare, observer, outputs, tap});
}
