// The floors the CLI is compared with, each in a fresh process like the CLI:
//   node floor.mjs parse <file>   read the file as UTF-8 and JSON.parse it (what the whole-file path cannot beat)
//   node floor.mjs read <file>    read the file in 1 MiB chunks and drop them (for files JSON.parse cannot take)
import { createReadStream, readFileSync } from 'node:fs';

const [mode, file] = process.argv.slice(2);
if (mode === 'parse') {
  const har = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(har.log.entries)) process.exit(1);
} else if (mode === 'read') {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) bytes += chunk.length;
  if (bytes === 0) process.exit(1);
} else {
  console.error('usage: floor.mjs parse|read <file>');
  process.exit(2);
}
