// Preloaded with `node --import` by startup-imports.test.ts: registers a resolve hook that appends
// every package (bare specifier) the process imports to the file named by RECORD_PACKAGE_IMPORTS.
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
const file = ${JSON.stringify(process.env.RECORD_PACKAGE_IMPORTS ?? '')};
export async function resolve(specifier, context, next) {
  if (file && !/^(\\.|\\/|node:|file:|data:)/.test(specifier)) appendFileSync(file, specifier + '\\n');
  return next(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
