// Precompresses the built web app (dist/): for every text file a
// `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) beside it, each kept only
// when smaller than the file. The server sends them to browsers that accept them
// (src/http/static_files.h); compressing once here costs the server nothing per
// request. Usage: node scripts/compress.mjs [dir]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.ico']);

const dir = path.resolve(process.argv[2] ?? 'dist');
let before = 0;
let brotli = 0;
let count = 0;

/**
 * @param {string} d
 * @returns {Generator<string>}
 */
function* files(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (entry.isFile()) yield p;
  }
}

for (const file of files(dir)) {
  if (!COMPRESSIBLE.has(path.extname(file))) continue;
  const data = fs.readFileSync(file);
  for (const stale of ['.br', '.gz']) fs.rmSync(file + stale, { force: true });
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
  if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
  before += data.length;
  brotli += Math.min(br.length, data.length);
  count += 1;
}
console.log(`compress: ${count} files, ${(before / 1024).toFixed(1)} KiB → ${(brotli / 1024).toFixed(1)} KiB brotli`);
