import type {RunConfig} from '../config/config.js';
import type {Localised} from '../i18n/lang.js';

/** What a scene sets in the run; everything else comes from the command line. */
export type ScenePreset = Partial<Pick<RunConfig, 'mode' | 'work' | 'requests' | 'workers' | 'threads' | 'concurrency' | 'gil' | 'cpuMs'>>;

/** One step of the talk: a preset run and its caption (a title and one or two lines). */
export type Scene = {
	readonly id: string;
	readonly title: Localised;
	readonly lines: readonly Localised[];
	readonly preset: ScenePreset;
	/** Run every mode on the preset, then the leaderboard. */
	readonly compare?: boolean;
	/**
	 * The honest run would be too long for a talk: stop it after this many seconds
	 * and let the model line extrapolate the whole run (the screen says so).
	 */
	readonly boundSeconds?: number;
};

/** The talk ("Concorrência e paralelismo"), scene by scene, in its order. */
export const SCENES: readonly Scene[] = [
	{
		id: 'problem',
		title: {pt: 'Sequencial – 4 URLs', en: 'Sequential – 4 URLs'},
		lines: [
			{pt: 'Cada tarefa precisa esperar pela finalização da anterior.', en: 'Each task waits for the previous one to finish.'},
			{pt: 'O cliente deixa a CPU ociosa enquanto espera pela resposta (veja cliente).', en: 'The client leaves the CPU idle while it waits for the answer (see client).'},
		],
		preset: {mode: 'sequential', work: 'io', requests: 4},
	},
	{
		id: 'processes',
		title: {pt: 'Múltiplos processos – 4 URLs, um por CPU', en: 'Multiple processes – 4 URLs, one per CPU'},
		lines: [
			{pt: 'Cada processo continua ocioso enquanto espera; o I/O é distribuído entre eles.', en: 'Each process still idles while it waits; the I/O is spread over them.'},
			{pt: 'Sem memória compartilhada, e criar processos tem custo: veja inicialização e MB por processo.', en: 'No shared memory, and processes cost to start: see start-up and MB a process.'},
		],
		preset: {mode: 'processes', work: 'io', requests: 4},
	},
	{
		id: 'threads',
		title: {pt: 'Múltiplas threads – 4 URLs, 4 threads', en: 'Multiple threads – 4 URLs, 4 threads'},
		lines: [
			{pt: 'Threads compartilham memória e precisam sincronizar o uso de recursos.', en: 'Threads share memory and must synchronise the use of resources.'},
			{pt: 'O custo de criação aparece medido: compare inicialização e MB por thread com os processos.', en: 'What they cost to start is measured: compare start-up and MB a thread with processes.'},
		],
		preset: {mode: 'threads', work: 'io', requests: 4, workers: 4},
	},
	{
		id: 'four-thousand',
		title: {pt: 'E se precisássemos realizar 4.000 requisições HTTP?', en: 'What if we needed 4,000 HTTP requests?'},
		lines: [
			{pt: 'Cada uma com o mesmo custo T. Solução sequencial: 4.000 · T.', en: 'Each with the same cost T. The sequential solution: 4000 · T.'},
		],
		preset: {mode: 'sequential', work: 'io', requests: 4000},
		boundSeconds: 12,
	},
	{
		id: 'processes-threads',
		title: {pt: 'Múltiplos processos e múltiplas threads', en: 'Multiple processes and multiple threads'},
		lines: [
			{pt: 'Custo = ((n · T) / Processos) / Threads.', en: 'Cost = ((n · T) / Processes) / Threads.'},
		],
		preset: {mode: 'processes-threads', work: 'io', requests: 4000},
		boundSeconds: 12,
	},
	{
		id: 'millions',
		title: {pt: 'E se fossem 400.000 ou 4.000.000 de URLs?', en: 'And 400,000 or 4,000,000 URLs?'},
		lines: [
			{pt: 'N cresce muito; processos e threads não crescem na mesma proporção.', en: 'N grows a lot; processes and threads cannot grow as much.'},
			{pt: 'Tecle n para recomeçar com o próximo N (4 → 4.000 → 400.000 → 4.000.000).', en: 'Press n to start again with the next N (4 → 4,000 → 400,000 → 4,000,000).'},
		],
		preset: {mode: 'processes-threads', work: 'io', requests: 4_000_000},
		boundSeconds: 10,
	},
	{
		id: 'async',
		title: {pt: 'I/O assíncrono – um loop de eventos', en: 'Asynchronous I/O – one event loop'},
		lines: [
			{pt: 'Há algo subutilizado se, na maior parte do tempo, a CPU está ociosa.', en: 'Something is underused if, most of the time, the CPU sits idle.'},
			{pt: 'As mesmas 4.000 requisições como código concorrente: até C em voo, numa só thread.', en: 'The same 4,000 requests as concurrent code: up to C in flight, on one thread.'},
		],
		preset: {mode: 'async', work: 'io', requests: 4000},
	},
	{
		id: 'processes-async',
		title: {pt: 'E 400.000 URLs? Múltiplos processos × async', en: 'And 400,000 URLs? Multiple processes × async'},
		lines: [
			{pt: 'Um loop de eventos por processo: cada núcleo roda o seu.', en: 'One event loop per process: every core runs its own.'},
		],
		preset: {mode: 'processes-async', work: 'io', requests: 400_000},
		boundSeconds: 12,
	},
	{
		id: 'cpu-bound',
		title: {pt: 'CPU bound: a lição se inverte', en: 'CPU-bound work: the lesson turns around'},
		lines: [
			{pt: 'Trabalho de CPU em um loop de eventos usa um núcleo só: async não ajuda.', en: 'CPU work on one event loop uses one core: async does not help.'},
			{pt: 'Paralelismo necessita de múltiplas CPUs: tecle 2 (processos) e veja os núcleos.', en: 'Parallelism needs several CPUs: press 2 (processes) and watch the cores.'},
		],
		preset: {mode: 'async', work: 'cpu', requests: 200},
	},
	{
		id: 'gil',
		title: {pt: 'O GIL do Python', en: "Python's GIL"},
		lines: [
			{pt: 'Com o GIL, uma thread por vez computa: veja █ passar de t0 a t1 e voltar.', en: 'With the GIL one thread computes at a time: see █ pass from t0 to t1 and back.'},
			{pt: 'Tecle g para desligar o GIL, 2 para processos: cada um tem o seu.', en: 'Press g to turn the GIL off, 2 for processes: each has its own.'},
		],
		// Two threads whose tasks hold the GIL 300 ms (three frames) each: the hand-over shows in the lanes at 10 fps.
		preset: {mode: 'threads', work: 'cpu', requests: 20, workers: 2, cpuMs: 300, gil: true},
	},
	{
		id: 'leaderboard',
		title: {pt: 'Placar final: os seis modelos', en: 'The closing leaderboard: all six models'},
		lines: [
			{pt: 'As mesmas 4.000 requisições em cada modelo, C=100 por loop (como o aiohttp).', en: "The same 4,000 requests in every model, C=100 a loop (aiohttp's default)."},
		],
		// C=100 a loop, as aiohttp's connector: one loop keeps 100 in flight, P loops P·100.
		preset: {work: 'io', requests: 4000, concurrency: 100},
		compare: true,
		boundSeconds: 4,
	},
];

/** The run a scene asks for, on top of the command line's config. */
export function sceneConfig(scene: Scene, base: RunConfig): RunConfig {
	return {...base, gil: false, ...scene.preset};
}
