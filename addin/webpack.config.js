// Builds only the Excel add-in: `npx webpack --config addin/webpack.config.js` (the top-level
// webpack.config.js builds every host).
module.exports = require('./webpack.part.js');
