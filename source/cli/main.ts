import process from 'node:process';
import type {RunConfig} from '../config/config.js';
import {runHeadless} from '../frontends/headless.js';
import {UsageError} from './errors.js';
import {setLang} from '../i18n/catalogue.js';
import {setTheme} from '../ui/theme.js';
import type {Options} from './options.js';
import {runServe} from '../server/serve.js';
import {readUrlFile} from '../workloads/urls.js';

async function withUrls(options: Options): Promise<RunConfig> {
	if (options.urlsFile === undefined) {
		return options.config;
	}

	const {urls, invalid} = await readUrlFile(options.urlsFile);
	if (invalid.length > 0) {
		process.stderr.write(`concviz: ${options.urlsFile}: skipped invalid lines ${invalid.map(({line}) => line).join(', ')}\n`);
	}

	return {...options.config, target: {kind: 'urls', file: options.urlsFile, urls}};
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

	const config = await withUrls(options);
	if (options.command === 'tour') {
		if (!process.stdout.isTTY) {
			throw new UsageError('the tour needs a terminal (stdout is not one)');
		}

		const {runTour} = await import('../frontends/tour.js');
		return runTour({config, server: options.server, lang: options.lang, autoplay: options.autoplay});
	}

	const compare = options.command === 'compare';
	if (config.json || !process.stdout.isTTY) {
		return runHeadless({config, server: options.server, compare, stdout: process.stdout, stderr: process.stderr});
	}

	const {runDashboard} = await import('../frontends/dashboard.js');
	return runDashboard({config, server: options.server, compare});
}
