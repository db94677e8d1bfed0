/**
 * The module graph's rules, checked by `npm run check:cycles` in CI (issue 13): no import cycle
 * anywhere under src/.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form a DAG (docs/concepts.md): an import cycle is an error.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
