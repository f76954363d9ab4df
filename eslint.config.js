// Lint rules: typescript-eslint's recommended set, React hooks rules for the renderer, a ban on the
// ways a shell could parse our arguments (exec, execSync, shell: true), and the layers (docs/architecture.md):
// which folder may import which, checked on the resolved path of every import (in the style of VS Code's
// code-layering rule). test/unit/lint/layers.test.ts plants wrong-way imports and shows this failing.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Layers, lowest first. A file in `from` may not import a path under `deny` unless it is under `allow`;
 * `types`: allowed with `import type` only; `relative`: the rule applies to relative specifiers only. */
const SHELLS = ['src-main/app/', 'src-main/cli/', 'src-main/electron/', 'src-main/preview/', 'src-main/host/', 'src-main/plan-runner/', 'src-main/renderer-host/'];
const LAYERS = [
  {
    from: ['src-main/'],
    deny: ['test/', 'bench/', 'scripts/', 'src-renderer/'],
    message: 'product code never imports tests, the Windows double (only src-main/host/simulator.ts loads it, dynamically), bench or scripts',
  },
  { from: ['src-main/shared/'], deny: ['src-main/'], allow: ['src-main/shared/'], message: 'shared names import nothing (zod-free constants for main, preload and renderer)' },
  { from: ['src-main/snapshot/'], deny: ['src-main/'], allow: ['src-main/snapshot/', 'src-main/shared/'], message: 'snapshot is the lowest layer: it imports only shared names' },
  { from: ['src-main/catalogue/'], deny: ['src-main/'], allow: ['src-main/catalogue/', 'src-main/snapshot/', 'src-main/shared/'], message: 'catalogue imports only snapshot and shared names' },
  {
    from: ['src-main/diagnosis/'],
    deny: ['src-main/'],
    allow: ['src-main/diagnosis/', 'src-main/catalogue/', 'src-main/snapshot/', 'src-main/shared/'],
    message: 'diagnosis is pure: it imports only snapshot, catalogue and shared names',
  },
  {
    from: [
      'src-main/contract/',
      'src-main/probe/',
      'src-main/fixes/',
      'src-main/redaction/',
      'src-main/report/',
      'src-main/fleet/',
      'src-main/support-code/',
      'src-main/windows/',
      'src-main/journal/',
      'src-main/html/',
      'src-main/text/',
      'src-main/kit/',
    ],
    deny: SHELLS,
    message: 'domain code does not import the shells above it (app, cli, electron, preview, host, plan-runner)',
  },
  { from: ['src-main/report/'], deny: ['src-main/fixes/', 'src-main/fleet/'], message: 'report does not import fixes or fleet (the journal line format is in src-main/journal/)' },
  { from: ['src-main/fleet/'], deny: ['src-main/report/', 'src-main/fixes/'], message: 'fleet does not import report or fixes (HTML building blocks are in src-main/html/)' },
  {
    from: ['src-main/fixes/', 'src-main/probe/', 'src-main/report/', 'src-main/fleet/', 'src-main/windows/'],
    deny: ['src-main/kit/'],
    message: 'the field kit (src-main/kit/) sits above the fixes: only the shells use it',
  },
  { from: ['src-main/plan-runner/'], deny: ['src-main/app/', 'src-main/cli/', 'src-main/electron/', 'src-main/preview/'], message: 'the plan runner does not import its adapters (app handlers, CLI)' },
  { from: ['src-main/app/', 'src-main/host/'], deny: ['src-main/cli/', 'src-main/electron/', 'src-main/preview/'], message: 'app and host do not import a shell' },
  // npm start's launcher (src-main/electron/launch.ts, a dev entry point run by node, never by Electron) opens the preview where there is no Electron.
  {
    from: ['src-main/electron/'],
    except: ['src-main/electron/launch.ts'],
    deny: ['src-main/preview/', 'src-main/cli/'],
    message: 'the desktop shell does not import the preview or the CLI (what both serve is in src-main/renderer-host/)',
  },
  { from: ['src-main/preview/'], deny: ['src-main/electron/', 'src-main/cli/'], message: 'the preview does not import the desktop shell or the CLI (what both serve is in src-main/renderer-host/)' },
  { from: ['src-main/cli/'], deny: ['src-main/electron/', 'src-main/preview/'], message: 'the CLI does not import a GUI shell' },
  {
    from: ['src-renderer/'],
    deny: ['src-main/', 'test/', 'bench/', 'scripts/'],
    allow: ['src-main/shared/'],
    types: ['src-main/contract/'],
    message: 'the renderer imports only type exports of the contract (src-main/contract) and the shared names (src-main/shared)',
  },
  { from: ['test/windows-double/'], deny: ['src-main/'], relative: true, message: 'the Windows double imports product code as #product/… (one copy at run time), never by a relative path' },
];

/** Where an import specifier points, relative to the repository ('src-main/x.js'), or null for packages. */
function target(specifier, filename) {
  if (specifier.startsWith('#product/')) return `src-main/${specifier.slice('#product/'.length)}`;
  if (specifier.startsWith('#double/')) return `test/windows-double/${specifier.slice('#double/'.length)}`;
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(filename), specifier)).replace(/\\/g, '/');
}

const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], messages: { wrongWay: '{{target}}: {{message}} (docs/architecture.md).' } },
      create(context) {
        const file = relative(ROOT, context.filename).replace(/\\/g, '/');
        const zones = LAYERS.filter((layer) => layer.from.some((prefix) => file.startsWith(prefix)) && !layer.except?.includes(file));
        if (zones.length === 0) return {};
        const check = (node, source, typeOnly) => {
          if (!source || typeof source.value !== 'string') return;
          const to = target(source.value, context.filename);
          if (to === null) return;
          for (const zone of zones) {
            if (zone.relative && !source.value.startsWith('.')) continue;
            if (!zone.deny.some((prefix) => to.startsWith(prefix))) continue;
            if (zone.allow?.some((prefix) => to.startsWith(prefix))) continue;
            if (typeOnly && zone.types?.some((prefix) => to.startsWith(prefix))) continue;
            context.report({ node: source, messageId: 'wrongWay', data: { target: source.value, message: zone.message } });
            return;
          }
        };
        const typeOnlyImport = (node) => node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((spec) => spec.importKind === 'type'));
        const typeOnlyExport = (node) => node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((spec) => spec.exportKind === 'type'));
        return {
          ImportDeclaration: (node) => check(node, node.source, typeOnlyImport(node)),
          ExportNamedDeclaration: (node) => check(node, node.source, typeOnlyExport(node)),
          ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
          ImportExpression: (node) => check(node, node.source, false),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-renderer/', 'release/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', importNames: ['exec', 'execSync'], message: 'No shell strings: use execFile with an argument array (src-main/windows/).' },
            { name: 'node:child_process', importNames: ['exec', 'execSync'], message: 'No shell strings: use execFile with an argument array (src-main/windows/).' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: "Property[key.name='shell'][value.value=true]", message: 'Never start a process through a shell.' }],
    },
  },
  {
    files: ['src-main/**/*.{ts,cts}', 'src-renderer/**/*.{ts,tsx}', 'test/windows-double/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
