#!/usr/bin/env node
import './cli/production.js';
import process from 'node:process';
import meow from 'meow';
import {UsageError} from './config/errors.js';
import {HELP} from './cli/help.js';
import {main} from './cli/main.js';
import {requireNode} from './cli/node-version.js';
import {parseOptions, repeatable} from './cli/options.js';
import {withBareAutoplay} from './cli/stage-options.js';

const cli = meow(HELP, {
	importMeta: import.meta,
	argv: withBareAutoplay(process.argv.slice(2)),
	description: false,
	helpIndent: 0,
	allowUnknownFlags: true,
	booleanDefault: undefined,
	flags: repeatable({
		mode: {type: 'string', shortFlag: 'm'},
		work: {type: 'string', shortFlag: 'w'},
		requests: {type: 'string', shortFlag: 'n'},
		urls: {type: 'string'},
		latency: {type: 'string'},
		jitter: {type: 'string'},
		workers: {type: 'string', shortFlag: 'p'},
		threads: {type: 'string'},
		concurrency: {type: 'string', shortFlag: 'c'},
		cpuMs: {type: 'string'},
		timeout: {type: 'string'},
		gil: {type: 'boolean'},
		runtime: {type: 'string'},
		python: {type: 'string'},
		failRate: {type: 'string'},
		bodyBytes: {type: 'string'},
		seed: {type: 'string'},
		fps: {type: 'string'},
		color: {type: 'boolean'},
		json: {type: 'boolean'},
		record: {type: 'string'},
		port: {type: 'string'},
		lang: {type: 'string'},
		autoplay: {type: 'string'},
		trace: {type: 'string'},
		rate: {type: 'string'},
		theme: {type: 'string'},
		html: {type: 'string'},
		svg: {type: 'string'},
		at: {type: 'string'},
		save: {type: 'string'},
	}),
});

try {
	requireNode(process.versions.node);
	const options = parseOptions(cli.flags, cli.input, process.env);
	process.exitCode = await main(options);
} catch (error) {
	if (error instanceof UsageError) {
		process.stderr.write(`concviz: ${error.message}\n`);
		process.exitCode = 2;
	} else {
		process.stderr.write(`concviz: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
