/**
 * The Excel add-in's build: the task pane page (which is also the shared runtime that runs the ribbon
 * commands) into dist/, with the icons and dist/manifest.xml.
 *
 * Base URL: manifest.xml points at https://localhost:3000. Give the address the add-in is served from as
 * `--env BASE_URL=https://host/path` (or the ADDIN_BASE_URL / BASE_URL environment variable) and
 * dist/manifest.xml gets it in place of https://localhost:3000.
 *
 * Dev server: https://localhost:3000 with the certificate office-addin-dev-certs installs
 * (`npx office-addin-dev-certs install` puts it in ~/.office-addin-dev-certs and makes the machine trust
 * it). Without it, a self-signed certificate, which Office refuses until it is trusted.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000';
const DEV_PORT = 3000;

/** The base URL for dist/manifest.xml, without a trailing slash. */
function baseUrl(env = {}) {
  const url = env.BASE_URL || process.env.ADDIN_BASE_URL || process.env.BASE_URL || DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`The add-in's base URL must be https (got ${url})`);
  return url.replace(/\/+$/, '');
}

function manifestFor(content, url) {
  return content.toString().split(DEV_URL).join(url);
}

/** The dev certificate office-addin-dev-certs installs, when it is there. */
function devCertificate() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const found = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  return Object.values(found).every((f) => fs.existsSync(f)) ? Object.fromEntries(Object.entries(found).map(([k, f]) => [k, fs.readFileSync(f)])) : null;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const certificate = devCertificate();
  return [
    {
      name: 'addin',
      mode,
      context: ROOT,
      devtool: mode === 'production' ? false : 'source-map',
      entry: { taskpane: './addin/taskpane.tsx' },
      output: { path: path.join(ROOT, 'dist'), filename: '[name].js', clean: false },
      resolve: { extensions: ['.ts', '.tsx', '.js'] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'esnext' } } },
          },
        ],
      },
      performance: { hints: false },
      plugins: [
        new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane.html', chunks: ['taskpane'] }),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
            { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content, baseUrl(env)) },
          ],
        }),
      ],
      devServer: {
        port: DEV_PORT,
        headers: { 'Access-Control-Allow-Origin': '*' },
        static: { directory: path.join(ROOT, 'dist') },
        // without the installed certificate, webpack-dev-server makes a self-signed one: Office wants HTTPS
        server: certificate ? { type: 'https', options: certificate } : { type: 'https' },
      },
    },
  ];
};

module.exports.baseUrl = baseUrl;
module.exports.devCertificate = devCertificate;
module.exports.manifestFor = manifestFor;
