/**
 * Every browser build of the product, as one multi-config webpack run:
 *  - the Excel add-in: task pane and ribbon command pages (addin/webpack.part.js);
 *  - the Google Sheets add-on: server bundle and the inlined sidebar (appsscript/webpack.part.js);
 *  - the standalone page that runs the side panel over an .xlsx in a plain browser (src/page/webpack.part.js).
 * Each part exports (env, argv) => webpack.Configuration[].
 */
const parts = [require('./addin/webpack.part.js'), require('./appsscript/webpack.part.js'), require('./src/page/webpack.part.js')];

module.exports = (env = {}, argv = {}) => parts.flatMap((part) => part(env, argv));
