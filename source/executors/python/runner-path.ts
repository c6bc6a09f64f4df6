import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package's root: the nearest folder above this file holding package.json (the repository, or the installed package). */
function packageRoot(from: string): string {
	let folder = dirname(from);
	while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) {
		folder = dirname(folder);
	}

	return folder;
}

/** The runner's package, shipped as is beside dist/ (package.json "files"): python/concviz_runner at the package's root. */
export const RUNNER_DIR = join(packageRoot(fileURLToPath(import.meta.url)), 'python', 'concviz_runner');
