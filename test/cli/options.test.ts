import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseOptions} from '../../source/cli/options.js';
import {UsageError} from '../../source/config/errors.js';
import {cpuCount} from '../../source/config/config.js';

const seed = () => 7;

test('defaults follow the README usage', () => {
	const {command, config, server, urlsFile} = parseOptions({}, [], {}, seed);
	assert.equal(command, 'run');
	assert.equal(urlsFile, undefined);
	assert.deepEqual(config, {
		mode: 'sequential',
		work: 'io',
		requests: 400,
		target: {kind: 'embedded'},
		latency: 100,
		jitter: 0,
		workers: cpuCount(),
		threads: 4,
		concurrency: 1000,
		cpuMs: 10,
		timeout: 10_000,
		gil: false,
		failRate: 0,
		bodyBytes: 1024,
		seed: 7,
		fps: 10,
		color: true,
		json: false,
		record: undefined,
	});
	assert.deepEqual(server, {port: 0, latency: 100, jitter: 0, failRate: 0, bodyBytes: 1024, seed: 7});
});

test('flags and commands are read', () => {
	const {command, config, urlsFile} = parseOptions({
		mode: 'processes-async', work: 'mixed', requests: '40', urls: 'u.txt', latency: '50', jitter: '5',
		workers: '3', threads: '2', concurrency: '10', cpuMs: '20', timeout: '500', gil: true, failRate: '0.5',
		bodyBytes: '0', seed: '42', fps: '30', color: false, json: true, record: 'x.cast',
	}, ['compare'], {}, seed);
	assert.equal(command, 'compare');
	assert.equal(urlsFile, 'u.txt');
	assert.equal(config.mode, 'processes-async');
	assert.equal(config.work, 'mixed');
	assert.equal(config.requests, 40);
	assert.equal(config.failRate, 0.5);
	assert.equal(config.seed, 42);
	assert.equal(config.color, false);
	assert.equal(config.record, 'x.cast');
	assert.equal(config.gil, true);
});

test('NO_COLOR turns colour off', () => {
	assert.equal(parseOptions({}, [], {NO_COLOR: ''}, seed).config.color, false);
});

const bad: Array<[Record<string, unknown>, string[], RegExp]> = [
	[{mode: 'fibers'}, [], /^unknown mode 'fibers' \(choose one of: sequential, processes/],
	[{work: 'gpu'}, [], /^unknown work 'gpu'/],
	[{requests: '0'}, [], /^--requests must be a positive whole number, got 0$/],
	[{requests: '1.5'}, [], /^--requests must be a whole number \(4000, 4,000, 4_000, 4k, 4e3, 1.5k, 4M\), got '1.5'$/],
	[{requests: 'abc'}, [], /^--requests must be a whole number/],
	[{workers: '-2'}, [], /^--workers must be a positive whole number/],
	[{threads: '0'}, [], /^--threads must be a positive/],
	[{concurrency: 'x'}, [], /^--concurrency must be a whole number/],
	[{timeout: '0'}, [], /^--timeout must be a positive/],
	[{cpuMs: '2.5'}, [], /^--cpu-ms must be a whole number/],
	[{latency: '-1'}, [], /^--latency must be 0 or more, got -1$/],
	[{jitter: '-5'}, [], /^--jitter must be 0 or more/],
	[{failRate: '1.5'}, [], /^--fail-rate must be between 0 and 1, got 1.5$/],
	[{failRate: 'half'}, [], /^--fail-rate must be a number/],
	[{rate: '-3'}, [], /^--rate must be more than 0 requests\/s, got -3$/],
	[{bogus: true}, [], /^unknown option --bogus \(see concviz --help\)$/],
	[{mdoe: 'async'}, [], /^unknown option --mdoe; did you mean --mode\?$/],
	[{failRat: '0.5'}, [], /^unknown option --fail-rat; did you mean --fail-rate\?$/],
	[{reqests: '4'}, [], /^unknown option --reqests; did you mean --requests\?$/],
	[{x: true}, [], /^unknown option -x \(see concviz --help\)$/],
	[{}, ['launch'], /^unknown command 'launch'/],
	[{}, ['serve', 'x'], /^unexpected argument 'x'/],
];

for (const [flags, input, message] of bad) {
	test(`bad input ${JSON.stringify(flags)} ${input.join(' ')} → one-line UsageError`, () => {
		assert.throws(() => parseOptions(flags, input, {}, seed), (error: unknown) => {
			assert.ok(error instanceof UsageError);
			assert.match(error.message, message);
			assert.ok(!error.message.includes('\n'));
			return true;
		});
	});
}

test('a flag given twice (meow hands a list over): the last value wins', () => {
	const {config} = parseOptions({requests: ['3', '4'], mode: ['async', 'threads'], json: true}, [], {}, seed);
	assert.equal(config.requests, 4);
	assert.equal(config.mode, 'threads');
	assert.equal(parseOptions({requests: []}, [], {}, seed).config.requests, 400);
});

test('counts as people write them, in every count flag', () => {
	const {config} = parseOptions({requests: '4,000', concurrency: '1.5k', workers: '4_0', bodyBytes: '4e3', threads: '2'}, [], {}, seed);
	assert.deepEqual([config.requests, config.concurrency, config.workers, config.bodyBytes], [4000, 1500, 40, 4000]);
	assert.equal(parseOptions({requests: '4M'}, [], {}, seed).config.requests, 4_000_000);
});
