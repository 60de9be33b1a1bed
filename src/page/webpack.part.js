/**
 * The standalone page: the side panel over an .xlsx in a plain browser (the bundled sample by default).
 * Output: dist/page/index.html + page.js (the page) + worker.js (its Web Worker: the workbook and the core,
 * see worker-host.ts) + match-worker.js (the worker's helper: duplicate matching, background-matcher.ts).
 * `--env PAGE_OUT=/some/dir` builds elsewhere (the e2e tests build into a temporary folder so they never
 * race with a build of dist/). No entry loads chunks at run time, so the workers' bundles need nothing of
 * a page (no document).
 *
 * ExcelJS and JSZip come from their prebuilt browser bundles: their Node entry points need stream,
 * buffer and zlib polyfills that webpack 5 no longer supplies.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const out = env.PAGE_OUT ? path.resolve(env.PAGE_OUT) : path.join(ROOT, 'dist', 'page');
  return [
    {
      name: 'page',
      mode,
      context: ROOT,
      devtool: mode === 'production' ? false : 'cheap-module-source-map',
      entry: { page: './src/page/main.tsx', worker: './src/page/worker.ts', 'match-worker': './src/page/match-worker.ts' },
      output: { path: out, filename: '[name].js', clean: true },
      resolve: {
        extensions: ['.ts', '.tsx', '.js'],
        alias: {
          exceljs$: path.join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js'),
          jszip$: path.join(ROOT, 'node_modules/jszip/dist/jszip.min.js'),
        },
      },
      module: {
        // The prebuilt bundles are self-contained; parsing them for requires only costs time.
        noParse: /exceljs\.min\.js$|jszip\.min\.js$/,
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: {
              loader: 'ts-loader',
              options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'esnext' } },
            },
          },
        ],
      },
      performance: { hints: false },
      plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: './src/page/index.html', chunks: ['page'] })],
    },
  ];
};
