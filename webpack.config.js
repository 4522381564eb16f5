/* eslint-disable no-undef */
/**
 * The add-in bundle, laid out like the official "Excel custom functions with a shared runtime" template:
 * functions.js + functions.json (from the JSDoc, by custom-functions-metadata-plugin) + functions-zh-CN.json
 * (the Chinese names) + the shared runtime page taskpane.html, served over https on localhost:3000.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { sources, Compilation } = require('webpack');

/** Writes functions-zh-CN.json from the generated functions.json (Excel localizes from a second metadata file). */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset('functions.json');
          if (!english) return;
          // The localization table is TypeScript, compiled by `tsc` before webpack runs (npm run build).
          const { localizeMetadata } = require('./dist/src/functions/localization.js');
          compilation.emitAsset(
            'functions-zh-CN.json',
            new sources.RawSource(localizeMetadata(english.source.source().toString())),
          );
        },
      );
    });
  }
}

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // Linux without sudo (containers, CI): the CA cannot be installed, but the certificate was generated.
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const read = (file) => fs.readFileSync(path.join(dir, file));
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) throw error;
    console.warn(
      `office-addin-dev-certs: ${String(error.message).split('\n')[0]} Serving with the development certificate, which this machine does not trust.`,
    );
    return { ca: read('ca.crt'), key: read('localhost.key'), cert: read('localhost.crt') };
  }
}

module.exports = async (env, options) => {
  return {
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      standalone: './src/taskpane/standalone/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new LocalizedMetadataPlugin(),
      // The shared runtime page: the pane and the worksheet functions run in it together.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/functions/taskpane.html',
        chunks: ['taskpane', 'functions'],
      }),
      // The same pane in an ordinary browser, on a file the user opens (no Office host).
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        template: './src/taskpane/standalone.html',
        chunks: ['standalone'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist/addin') },
      server: {
        type: 'https',
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await httpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
