// readability.mjs - Mozilla Readability (on jsdom) over a folder of pages,
// the JavaScript peer of bench/extract-speed.
//
//     node bench/peers/readability.mjs DIR
//
// Every *.html file in DIR (sorted by name) is parsed with jsdom (no
// scripts, no resource loading: jsdom's defaults) and given to
// Readability.parse(); one JSON line per page goes to stdout with the id
// (file name without .html), the title and the text, as crossread
// extract --format json prints them, so both do the same work. Assumes
// the packages in bench/peers/package.json are installed in
// bench/peers/node_modules (npm install --prefix bench/peers).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
if (!dir) {
	console.error("usage: node readability.mjs DIR");
	process.exit(2);
}
// Pages' CSS and script errors are not ours to print.
const quiet = new VirtualConsole();
const out = [];
let failed = 0;
const names = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
for (const name of names) {
	const html = readFileSync(join(dir, name));
	let title = null, text = null;
	try {
		const dom = new JSDOM(html, { virtualConsole: quiet });
		const art = new Readability(dom.window.document).parse();
		if (art) {
			title = art.title;
			text = art.textContent;
		}
		dom.window.close();
	} catch (e) {
		failed++;
	}
	out.push(JSON.stringify({ id: name.slice(0, -5), title, text }));
	if (out.length >= 64)
		process.stdout.write(out.splice(0).join("\n") + "\n");
}
if (out.length)
	process.stdout.write(out.join("\n") + "\n");
if (failed)
	console.error(`readability.mjs: ${failed} pages failed`);
