/* eslint-disable no-undef */
/**
 * The add-in bundle, laid out like the official "Excel custom functions with a shared runtime" template:
 * functions.js + functions.json (from the JSDoc, by custom-functions-metadata-plugin) + functions-zh-CN.json
 * (the Chinese names) + the shared runtime page taskpane.html, served over https on localhost:3000 while developing.
 *
 * `--env baseUrl=https://intranet.example/budget-check/` (or BUDGET_CHECK_BASE_URL) writes dist/addin/manifest.xml
 * for that address instead: an office copies dist/addin to its own https server and hands out that manifest.
 * standalone.html is one self-contained file (its script inlined), so that it works opened from disk on any machine.
 */
const crypto = require('crypto');
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

/** Where the manifest.xml in the repository points: the development server. */
const DEV_BASE_URL = 'https://localhost:3000/';

/** The deployed add-in's address, ending in "/": Office loads add-ins only over https. */
function baseUrlOf(env) {
  const raw = (env && env.baseUrl) || process.env.BUDGET_CHECK_BASE_URL;
  if (!raw) return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`baseUrl "${raw}" is not an address: give the https address dist/addin is served from.`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`baseUrl "${raw}" is not https: Office loads add-ins only over https.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** manifest.xml with every development-server address replaced by the deployed one. */
function manifestFor(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

/**
 * Inlines a page's one script into the page and drops the script file: a single HTML file that opens from disk
 * (file://) with no other file beside it. The page's Content-Security-Policy allows exactly that script, by hash.
 */
class InlineScriptPlugin {
  constructor(page, script) {
    this.page = page;
    this.script = script;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineScriptPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After the HTML page is written (OPTIMIZE_INLINE) and the script minified and given its source-map comment.
        { name: 'InlineScriptPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const page = compilation.getAsset(this.page);
          const script = compilation.getAsset(this.script);
          if (!page || !script) throw new Error(`InlineScriptPlugin: ${this.page} or ${this.script} was not built`);
          // The licences of the bundled libraries go inside the one file, in place of the pointer to their own file.
          const licenses = compilation.getAsset(`${this.script}.LICENSE.txt`);
          const code = script.source
            .source()
            .toString()
            .replace(/^\/\*! For license information please see \S+ \*\//, () =>
              licenses ? `/*!\n${licenses.source.source().toString().replace(/\*\//g, '* /')}\n*/` : '',
            )
            .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
            // Inside <script>, "</script" would end the element; in JavaScript strings and regexes "<\/" is "</".
            .replace(/<\/(script)/gi, '<\\/$1');
          // "<!--" followed by "<script" would change how the HTML parser reads the rest: refuse rather than guess.
          if (/<!--/.test(code) && /<script/i.test(code))
            throw new Error(
              `InlineScriptPlugin: ${this.script} holds "<!--" and "<script"; it cannot be inlined safely`,
            );
          const hash = crypto.createHash('sha256').update(code, 'utf8').digest('base64');
          let html = page.source.source().toString();
          const tag = new RegExp(`<script[^>]*\\ssrc="?[^"\\s>]*${this.script.replace('.', '\\.')}"?[^>]*></script>`);
          if (!tag.test(html))
            throw new Error(`InlineScriptPlugin: ${this.page} does not load ${this.script}: ${html.slice(0, 2000)}`);
          html = html
            .replace(tag, () => `<script>${code}</script>`)
            .replace("script-src 'self'", `script-src 'sha256-${hash}'`);
          compilation.updateAsset(this.page, new sources.RawSource(html));
          compilation.deleteAsset(this.script);
          for (const extra of [`${this.script}.map`, `${this.script}.LICENSE.txt`])
            if (compilation.getAsset(extra)) compilation.deleteAsset(extra);
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
  const baseUrl = baseUrlOf(env);
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
        // At the end of the body, run as it is read: it is inlined below, where `defer` would not apply.
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new InlineScriptPlugin('standalone.html', 'standalone.js'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString(), baseUrl),
          },
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

module.exports.baseUrlOf = baseUrlOf;
module.exports.manifestFor = manifestFor;
