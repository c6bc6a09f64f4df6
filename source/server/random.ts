/**
 * mulberry32: a tiny seeded PRNG (32-bit state, period 2^32), enough for
 * jitter and fault draws. The same seed gives the same sequence.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}
