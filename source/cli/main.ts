import process from 'node:process';
import type {RunConfig} from '../config/config.js';
import {runHeadless} from '../frontends/headless.js';
import type {Options} from './options.js';
import {assertWritable} from '../record/writable.js';
import {runServe} from '../server/serve.js';
import {openUrlFile} from '../workloads/url-file.js';

async function withUrls(options: Options): Promise<RunConfig> {
	if (options.urlsFile === undefined) {
		return options.config;
	}

	const source = await openUrlFile(options.urlsFile);
	const {lines, total} = source.invalid;
	if (total > 0) {
		const more = total - lines.length;
		process.stderr.write(`concviz: ${options.urlsFile}: skipped invalid lines ${lines.join(', ')}${more > 0 ? ` and ${more} more` : ''}\n`);
	}

	return {...options.config, target: {kind: 'urls', file: options.urlsFile, source}};
}

/** Runs what the command line asked for; returns the exit code (throws UsageError for bad input). */
export async function main(options: Options): Promise<number> {
	if (options.command === 'serve') {
		await runServe(options.server, process.stdout);
		return 0;
	}

	if (options.config.record !== undefined) {
		await assertWritable('--record', options.config.record);
	}

	const config = await withUrls(options);
	const compare = options.command === 'compare';
	if (config.json || !process.stdout.isTTY) {
		return runHeadless({config, server: options.server, compare, stdout: process.stdout, stderr: process.stderr});
	}

	const {runDashboard} = await import('../frontends/dashboard.js');
	return runDashboard({config, server: options.server, compare});
}
