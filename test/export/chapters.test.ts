import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chaptersOf} from '../../source/export/chapters.js';
import {castToHtml} from '../../source/export/html.js';
import {parseCast} from '../../source/export/cast.js';

const tour = [
	{time: 0, label: '1/11 Sequential – 4 URLs'},
	{time: 9, label: '10/11 Leaderboard'},
	{time: 9.1, label: 'sequential'},
	{time: 12, label: 'processes'},
	{time: 20, label: '11/11 Takeaways'},
];

test('a scene holds the mode switches after it (the leaderboard’s comparison); without scenes each marker is a chapter', () => {
	const chapters = chaptersOf(tour);
	assert.deepEqual(chapters.map((c) => [c.index, c.label, c.within.map((m) => `${m.index} ${m.label}`)]), [
		[0, '1/11 Sequential – 4 URLs', []],
		[1, '10/11 Leaderboard', ['2 sequential', '3 processes']],
		[4, '11/11 Takeaways', []],
	]);
	assert.deepEqual(chaptersOf([{time: 0, label: 'threads'}, {time: 3, label: 'async'}]).map((c) => c.label), ['threads', 'async']);
});

test('the page lists the scenes, each mode switch nested under its scene and seeking to its own marker', async () => {
	const text = [JSON.stringify({version: 2, width: 40, height: 5}), ...tour.map((m) => JSON.stringify([m.time, 'm', m.label]))].join('\n');
	const page = await castToHtml(parseCast(text), 'tour');
	const list = /<ol id="chapters">\n([\s\S]*?)\n<\/ol><\/nav>/.exec(page)![1]!;
	assert.equal(list.replaceAll(/<span class="time">[^<]*<\/span>/g, ''), [
		'<li><button type="button" data-marker="0">1/11 Sequential – 4 URLs</button></li>',
		'<li><button type="button" data-marker="1">10/11 Leaderboard</button>',
		'<ol>',
		'<li><button type="button" data-marker="2">sequential</button></li>',
		'<li><button type="button" data-marker="3">processes</button></li>',
		'</ol>',
		'</li>',
		'<li><button type="button" data-marker="4">11/11 Takeaways</button></li>',
	].join('\n'));
});
