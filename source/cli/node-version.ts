/** The oldest Node.js concviz runs on (package.json's engines says the same). */
const NODE_NEEDED = 22;

/**
 * Throws one line naming the Node.js needed and the one found when `found`
 * (process.versions.node) is older: the CLI then exits 1 (the run cannot
 * happen on this Node; nothing the user typed was wrong).
 */
export function requireNode(found: string): void {
	const major = Number(found.split('.')[0]);
	if (!(major >= NODE_NEEDED)) {
		throw new Error(`needs Node.js ${NODE_NEEDED} or newer; this is Node.js ${found}`);
	}
}
