import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative, resolve, dirname, sep} from 'node:path';
import ts from 'typescript';

/** One relative import of a source file: where it points, and whether it brings in types only. */
export type Import = {readonly from: string; readonly to: string; readonly specifier: string; readonly typeOnly: boolean};

/** What a folder may import: every folder listed, and those marked (types) for their types only. */
export type Rule = {readonly folder: string; readonly values: ReadonlySet<string>; readonly types: ReadonlySet<string>};

const isTypeOnlyImport = (node: ts.ImportDeclaration): boolean => {
	const clause = node.importClause;
	if (!clause) return false;
	if (clause.isTypeOnly) return true;
	const named = clause.namedBindings;
	return clause.name === undefined && named !== undefined && ts.isNamedImports(named)
		&& named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
};

const isTypeOnlyExport = (node: ts.ExportDeclaration): boolean => {
	if (node.isTypeOnly) return true;
	const clause = node.exportClause;
	return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
};

/** Every module specifier in a file's text: static imports and exports, import(), import types, and `new URL('…', import.meta.url)`. */
export function specifiersOf(fileName: string, text: string): Array<{specifier: string; typeOnly: boolean}> {
	const found: Array<{specifier: string; typeOnly: boolean}> = [];
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push({specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node)});
		} else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push({specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyExport(node)});
		} else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
			found.push({specifier: node.argument.literal.text, typeOnly: true});
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
			found.push({specifier: node.arguments[0].text, typeOnly: false});
		} else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL'
			&& node.arguments?.[0] && ts.isStringLiteral(node.arguments[0]) && node.arguments[1]?.getText() === 'import.meta.url') {
			const text = node.arguments[0].text;
			found.push({specifier: text.startsWith('.') ? text : `./${text}`, typeOnly: false});
		}

		ts.forEachChild(node, visit);
	};

	visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
	return found;
}

const walk = (folder: string): string[] => readdirSync(folder).flatMap((name) => {
	const path = join(folder, name);
	return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
});

/** Every relative import of every file under root, as paths from root (`ui/app.tsx`'s `../view/contract.js` → `view/contract.js`). */
export function importsUnder(root: string): Import[] {
	return walk(root).flatMap((file) => specifiersOf(file, readFileSync(file, 'utf8'))
		.filter(({specifier}) => specifier.startsWith('.'))
		.map(({specifier, typeOnly}) => ({
			from: relative(root, file).split(sep).join('/'),
			to: relative(root, resolve(dirname(file), specifier)).split(sep).join('/'),
			specifier,
			typeOnly,
		})));
}

/** The top-level folder of a path from source/ (`ui/text/wrap.ts` → `ui`); '' for the root's files. */
export const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** The deepest folder with a row that holds a path (`executors/lane/lane.ts` → `executors/lane`), else its top-level folder. */
export function unitOf(path: string, rules: readonly Rule[]): string {
	const held = rules.map((rule) => rule.folder).filter((folder) => path.startsWith(`${folder}/`));
	return held.sort((a, b) => b.length - a.length)[0] ?? folderOf(path);
}

/**
 * The rules of a markdown table whose first column names a folder (`` `ui/` ``)
 * and whose last says what it may import: folders by name, `name (types)` for
 * its types only, "everything below" (every folder in a later row) or
 * "nothing of concviz".
 */
export function rulesOf(markdown: string): Rule[] {
	const rows = markdown.split('\n')
		.map((line) => /^\|\s*`([a-z0-9-]+(?:\/[a-z0-9-]+)*)\/`\s*\|.*\|\s*([^|]*?)\s*\|\s*$/.exec(line))
		.filter((match): match is RegExpExecArray => match !== null);
	return rows.map((row, index) => {
		const values = new Set<string>();
		const types = new Set<string>();
		for (const item of row[2]!.split(',').map((part) => part.trim()).filter(Boolean)) {
			if (item === 'everything below') {
				for (const below of rows.slice(index + 1)) values.add(below[1]!);
				continue;
			}

			const named = /^([a-z0-9-]+(?:\/[a-z0-9-]+)*)\/?\s*(\(([^)]*)\))?$/.exec(item);
			if (!named) continue;
			(named[3]?.startsWith('types') ? types : values).add(named[1]!);
		}

		return {folder: row[1]!, values, types};
	});
}

/**
 * The imports the rules forbid. Between top-level folders, the importer's
 * row must list the target's folder (or list it for types, and the import be
 * type-only). Inside one folder, a sub-folder with its own row
 * (`executors/lane/`) may import only the parts of its folder its row lists
 * (`executors`: the folder's own files); a folder's own files may import its
 * sub-folders.
 */
export function forbidden(imports: readonly Import[], rules: readonly Rule[]): Import[] {
	const byFolder = new Map(rules.map((rule) => [rule.folder, rule]));
	const allows = (rule: Rule | undefined, target: string, typeOnly: boolean): boolean =>
		rule !== undefined && (rule.values.has(target) || (typeOnly && rule.types.has(target)));
	return imports.filter((entry) => {
		const from = folderOf(entry.from);
		const to = folderOf(entry.to);
		if (from === '') return false;
		if (from !== to) return !allows(byFolder.get(from), to, entry.typeOnly);
		const unit = unitOf(entry.from, rules);
		const target = unitOf(entry.to, rules);
		if (unit === target || unit === from) return false;
		return !allows(byFolder.get(unit), target, entry.typeOnly);
	});
}

/** Cycles between folders, each as its folders in order (A → B → … → A). */
export function folderCycles(imports: readonly Import[]): string[][] {
	const edges = new Map<string, Set<string>>();
	for (const {from, to} of imports) {
		const a = folderOf(from);
		const b = folderOf(to);
		if (a === b || a === '' || b === '') continue;
		if (!edges.has(a)) edges.set(a, new Set());
		edges.get(a)!.add(b);
	}

	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (folder: string): void => {
		state.set(folder, 'open');
		stack.push(folder);
		for (const next of edges.get(folder) ?? []) {
			if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}

		stack.pop();
		state.set(folder, 'done');
	};

	for (const folder of [...edges.keys()].sort()) if (!state.has(folder)) visit(folder);
	return cycles;
}
