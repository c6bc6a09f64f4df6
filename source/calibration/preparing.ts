/** What a run waits for before it starts: the CPU kernel's calibration, the embedded server, the client's calibration, a burst of its pool's first connections, a pilot of its pool (their request counts). */
export type Preparing =
	| {readonly phase: 'kernel' | 'server' | 'client'}
	| {readonly phase: 'burst' | 'pilot'; readonly requests: number};
