import process from 'node:process';
import {MODES, type RunConfig} from '../config/config.js';
import {openFilesWhy} from '../session/open-files.js';
import {threadsWhy} from '../session/memory-fit.js';
import {runHeadless} from '../frontends/headless.js';
import {setLang} from '../i18n/catalogue.js';
import {setTheme} from '../ui/theme.js';
import type {Options} from './options.js';
import {assertWritable} from '../record/writable.js';
import {runServe} from '../server/serve.js';
import {UsageError, fileWhy} from '../config/errors.js';
import {openTrace, type Tracer} from '../trace/open-trace.js';
import {describeSkipped, openUrlFile} from '../workloads/url-file.js';
import {capYoungGeneration} from './young-generation.js';

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
	setTheme(options.theme);
	if (options.command === 'serve') {
		await runServe(options.server, process.stdout);
		return 0;
	}

	if (options.command === 'export' && options.exportJob) {
		const {runExport} = await import('../export/run-export.js');
		return runExport(options.exportJob, process.stdout);
	}

	if (options.config.record !== undefined) {
		await assertWritable('--record', options.config.record);
	}

	const config = await withUrls(options);
	assertOpenFiles(config, options.command === 'compare');
	capYoungGeneration();
	const tracer = await traceFor(options.trace);
	try {
		return await runFrontend(options, config, tracer);
	} finally {
		const note = await tracer?.close();
		if (note) {
			process.stderr.write(`concviz: --trace: ${note}\n`);
		}
	}
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

/** Opens the --trace file before anything runs: a file that cannot be written is bad input. */
async function traceFor(path: string | undefined): Promise<Tracer | undefined> {
	if (path === undefined) {
		return undefined;
	}

	try {
		return await openTrace(path);
	} catch (error) {
		throw new UsageError(`--trace: cannot write ${path}: ${fileWhy(error, 'no such directory')}`);
	}
}

async function runFrontend(options: Options, config: RunConfig, observer: Tracer | undefined): Promise<number> {
	if (options.command === 'tour') {
		if (!process.stdout.isTTY) {
			throw new UsageError('the tour needs a terminal (stdout is not one)');
		}

		const {runTour} = await import('../frontends/tour.js');
		return runTour({config, server: options.server, lang: options.lang, autoplay: options.autoplay});
	}

	const compare = options.command === 'compare';
	if (config.json || !process.stdout.isTTY) {
		return runHeadless({config, server: options.server, compare, stdout: process.stdout, stderr: process.stderr, observer});
	}

	const {runDashboard} = await import('../frontends/dashboard.js');
	return runDashboard({config, server: options.server, compare, observer});
}
