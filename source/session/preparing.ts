/** What a run waits for before it starts: the CPU kernel's calibration, the embedded server, the client's calibration, a pilot of its pool (its request count). */
export type Preparing =
	| {readonly phase: 'kernel' | 'server' | 'client'}
	| {readonly phase: 'pilot'; readonly requests: number};
