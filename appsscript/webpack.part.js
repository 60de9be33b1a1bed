/**
 * The Google Sheets add-on build: appsscript/dist/ is exactly what `clasp push` uploads.
 *  - Code.js: the server bundle. Its entry's exports become top-level functions (GasGlobalsPlugin), which is
 *    what menus, triggers and google.script.run can call.
 *  - sidebar.html: the React side panel with its script inlined (HtmlService serves one file; Fluent UI
 *    puts its CSS in at run time, so there is no CSS file to inline).
 *  - appsscript.json: the manifest.
 */
const path = require('path');
const webpack = require('webpack');
const CopyPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(__dirname, 'dist');
const LIBRARY = 'ClientBase';
/** The Apps Script editor becomes sluggish with much bigger files; the build fails above this. */
const MAX_SIDEBAR_BYTES = 1.5 * 1024 * 1024;

/**
 * After the bundle `var ClientBase = …`, a stub per export of the entry module:
 * `function onOpen() { return ClientBase.onOpen.apply(this, arguments); }`.
 * The names come from webpack's own analysis of the entry's ES exports, so none can be forgotten.
 */
class GasGlobalsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('GasGlobalsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'GasGlobalsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        for (const [, entry] of compilation.entries) {
          const module = compilation.moduleGraph.getModule(entry.dependencies[0]);
          const names = compilation.moduleGraph.getProvidedExports(module);
          if (!Array.isArray(names) || names.length === 0) throw new Error('GasGlobalsPlugin: the server entry has no ES exports to expose');
          const stubs = names
            .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
            .map((name) => `function ${name}() { return ${LIBRARY}.${name}.apply(this, arguments); }`)
            .join('\n');
          for (const chunk of compilation.chunks) {
            for (const file of chunk.files) {
              if (file.endsWith('.js')) compilation.updateAsset(file, (source) => new webpack.sources.ConcatSource(source, '\n', stubs, '\n'));
            }
          }
        }
      });
    });
  }
}

/** Puts the sidebar's script into its HTML and drops the .js file. */
class InlineScriptPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineScriptPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScriptPlugin', (data) => {
        for (const group of [data.headTags, data.bodyTags]) {
          for (const tag of group) {
            const src = tag.tagName === 'script' && tag.attributes && tag.attributes.src;
            if (!src) continue;
            const file = decodeURIComponent(src.replace(/^\.?\//, ''));
            // `</script` inside the code would end the inline element early
            tag.innerHTML = compilation.assets[file].source().toString().replace(/<\/script/gi, '<\\/script');
            delete tag.attributes.src;
            compilation.deleteAsset(file);
          }
        }
        return data;
      });
      compilation.hooks.processAssets.tap({ name: 'InlineScriptPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const html = assets['sidebar.html'];
        if (html && html.size() > MAX_SIDEBAR_BYTES) {
          compilation.errors.push(new webpack.WebpackError(`sidebar.html is ${html.size()} bytes, over the ${MAX_SIDEBAR_BYTES} the Apps Script editor handles well`));
        }
      });
    });
  }
}

const tsRule = {
  test: /\.tsx?$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: {
    configFile: path.join(root, 'tsconfig.json'),
    transpileOnly: true,
    // ES modules, so webpack sees the entry's exports (GasGlobalsPlugin) and can drop unused code
    compilerOptions: { module: 'esnext', noEmit: false },
  },
};

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const common = {
    mode,
    context: root,
    devtool: false,
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };
  return [
    {
      ...common,
      name: 'appsscript-server',
      // Apps Script's V8: ES2019 syntax, no DOM, no module loader; one file, no async chunks
      target: ['es2019'],
      entry: { Code: path.join(__dirname, 'src/server.ts') },
      output: { path: dist, filename: '[name].js', library: { name: LIBRARY, type: 'var' }, chunkFormat: 'array-push', chunkLoading: false, clean: false },
      optimization: { minimize: mode === 'production', splitChunks: false },
      plugins: [
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        new GasGlobalsPlugin(),
        new CopyPlugin({ patterns: [{ from: path.join(__dirname, 'appsscript.json'), to: dist }] }),
      ],
    },
    {
      ...common,
      name: 'appsscript-sidebar',
      target: ['web', 'es2019'],
      entry: { sidebar: path.join(__dirname, 'src/client/sidebar.tsx') },
      output: { path: dist, filename: '[name].js', clean: false },
      optimization: { minimize: mode === 'production', splitChunks: false },
      plugins: [
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(mode) }),
        new HtmlWebpackPlugin({ template: path.join(__dirname, 'src/client/sidebar.html'), filename: 'sidebar.html', inject: 'body', scriptLoading: 'blocking', minify: false }),
        new InlineScriptPlugin(),
      ],
    },
  ];
};
