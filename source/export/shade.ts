/** A shade's tile: 4 dots wide, 2 high; it repeats over a run of shaded cells without seams. */
export const SHADE_TILE = {width: 4, height: 2} as const;

/**
 * The dots a shade (░ ▒ ▓) lights in its tile, as a terminal font draws it: a
 * quarter of them staggered, half in a checkerboard, three quarters (the
 * light shade's holes). Each dot is in the glyph's own colour, at its full
 * strength, so the glyph reaches the contrast of its colour with the
 * background (a flat mix of a quarter of the colour, on white, cannot reach 3:1).
 */
export function shadeDots(share: number): readonly (readonly [number, number])[] {
	const light: [number, number][] = [[0, 0], [2, 1]];
	const all = [0, 1].flatMap((y) => [0, 1, 2, 3].map((x): [number, number] => [x, y]));
	if (share <= 0.25) {
		return light;
	}

	return share <= 0.5
		? all.filter(([x, y]) => (x + y) % 2 === 0)
		: all.filter(([x, y]) => !light.some(([lx, ly]) => lx === x && ly === y));
}
