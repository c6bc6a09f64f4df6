import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {test} from 'node:test';
import {promisify} from 'node:util';

const collect = new URL('../../source/workloads/collect.js', import.meta.url).href;

/** Minor collections seen while collectMinor() runs twice in a fresh process, collection enabled or not. */
async function minorCollections(enable: boolean): Promise<{minor: number; gcGlobal: string}> {
	const script = `
		import {PerformanceObserver, constants} from 'node:perf_hooks';
		const {enableCollection, collectMinor} = await import(${JSON.stringify(collect)});
		const kinds = [];
		const observer = new PerformanceObserver(list => kinds.push(...list.getEntries().map(entry => entry.detail.kind)));
		observer.observe({entryTypes: ['gc']});
		if (${enable}) enableCollection();
		collectMinor();
		collectMinor();
		await new Promise(resolve => setTimeout(resolve, 50));
		observer.disconnect();
		console.log(JSON.stringify({minor: kinds.filter(kind => kind === constants.NODE_PERFORMANCE_GC_MINOR).length, gcGlobal: typeof globalThis.gc}));`;
	const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
	return JSON.parse(stdout) as {minor: number; gcGlobal: string};
}

test('a lane process collects without --expose-gc: each collectMinor() is one minor collection, gc not put on globalThis', async () => {
	assert.deepEqual(await minorCollections(true), {minor: 2, gcGlobal: 'undefined'});
});

test('where collection is not enabled (a thread of the UI\'s process), collectMinor() does nothing', async () => {
	assert.deepEqual(await minorCollections(false), {minor: 0, gcGlobal: 'undefined'});
});
