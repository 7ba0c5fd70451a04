import { type ResolveFnOutput, registerHooks } from 'node:module';

/**
 * drizzle-orm's package.json is 179 kB, nearly all of it an `exports` map, and Node 24 parses that
 * map again for each of drizzle's few hundred modules it loads (to learn the module's format) and
 * for each bare `drizzle-orm…` import in our files. Importing `drizzle-orm/pg-core` cost about
 * 530 ms of CPU, 40 ms with this hook; every `procura` command and server start paid it.
 *
 * Inside drizzle-orm a relative `.js` import is an ES module next to its importer (the package is
 * `"type": "module"` with no nested package.json), and there is one drizzle-orm in the tree, so a
 * bare specifier resolves to the same file from any of our modules: resolve it once.
 */
const insideDrizzle = '/node_modules/drizzle-orm/';
const resolvedBare = new Map<string, ResolveFnOutput>();

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.includes(insideDrizzle) && specifier.startsWith('.') && specifier.endsWith('.js')) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
      const key = `${specifier}\0${context.conditions.join()}`;
      let resolved = resolvedBare.get(key);
      if (!resolved) {
        resolved = { ...nextResolve(specifier, context), shortCircuit: true };
        resolvedBare.set(key, resolved);
      }
      return resolved;
    }
    return nextResolve(specifier, context);
  },
});
