/**
 * What `npm run build` produces for Excel (dist/addin), and manifest.xml: the custom functions'
 * metadata in English and Chinese, and the manifest's extension point, namespace, runtime and URLs.
 * (The online `npm run validate` cannot run here: no network.)
 */
import { XMLParser } from 'fast-xml-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizeMetadata } from '../src/functions/localization';

const dist = join(__dirname, '..', 'dist', 'addin');
const readJson = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8'));

interface Fn {
  id: string;
  name: string;
  description: string;
  options?: { requiresParameterAddresses?: boolean };
  parameters: {
    name: string;
    description: string;
    dimensionality?: string;
    optional?: boolean;
    repeating?: boolean;
    type?: string;
  }[];
  result: { dimensionality?: string; type?: string };
}

describe('functions.json (generated from the JSDoc by custom-functions-metadata-plugin)', () => {
  const english: { functions: Fn[] } = readJson('functions.json');
  const byId = (id: string) => english.functions.find((f) => f.id === id)!;

  test('all four functions, English names, descriptions for the function and every parameter', () => {
    expect(english.functions.map((f) => [f.id, f.name])).toEqual([
      ['CHECK', 'CHECK'],
      ['WEIGHTS', 'WEIGHTS'],
      ['PARSE', 'PARSE'],
      ['SUMCHECK', 'SUMCHECK'],
    ]);
    for (const fn of english.functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      for (const parameter of fn.parameters) expect(parameter.description.length).toBeGreaterThan(5);
    }
  });

  test('parameter metadata: ranges as matrices, the caller’s addresses, optional options, repeating parts', () => {
    expect(byId('CHECK').options?.requiresParameterAddresses).toBe(true);
    expect(byId('CHECK').parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', p.optional ?? false])).toEqual([
      ['range', 'matrix', false],
      ['options', 'scalar', true],
    ]);
    expect(byId('CHECK').result.dimensionality).toBe('matrix');
    expect(byId('WEIGHTS').options?.requiresParameterAddresses).toBe(true);
    expect(byId('PARSE').result.dimensionality).toBe('matrix');
    expect(byId('SUMCHECK').parameters[1]).toMatchObject({ name: 'parts', repeating: true, dimensionality: 'matrix' });
    expect(byId('SUMCHECK').result.type).toBe('number');
  });

  test('functions-zh-CN.json: the same functions and parameters with Chinese names (≥ 3 characters) and descriptions', () => {
    const chinese: { functions: Fn[] } = readJson('functions-zh-CN.json');
    expect(chinese.functions.map((f) => [f.id, f.name])).toEqual([
      ['CHECK', '检查表格'],
      ['WEIGHTS', '权重核对'],
      ['PARSE', '解析指标值'],
      ['SUMCHECK', '合计核对'],
    ]);
    chinese.functions.forEach((fn, i) => {
      expect(Array.from(fn.name).length).toBeGreaterThanOrEqual(3);
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      expect(fn.parameters.map((p) => [p.dimensionality, p.optional, p.repeating])).toEqual(
        english.functions[i]!.parameters.map((p) => [p.dimensionality, p.optional, p.repeating]),
      );
      for (const parameter of fn.parameters) expect(parameter.name + parameter.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  test('a function or parameter without Chinese metadata fails the build', () => {
    expect(() => localizeMetadata(JSON.stringify({ functions: [{ id: 'NEW', name: 'NEW', parameters: [] }] }))).toThrow(
      'NEW',
    );
  });
});

describe('manifest.xml', () => {
  const xml = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['bt:Url', 'bt:String', 'Set', 'Runtime', 'bt:Image'].includes(name),
  });
  const manifest = parser.parse(xml).OfficeApp;
  const host = manifest.VersionOverrides.Hosts.Host;
  const resources = manifest.VersionOverrides.Resources;
  const url = (id: string) => resources['bt:Urls']['bt:Url'].find((u: { id: string }) => u.id === id);

  test('a Workbook add-in requiring SharedRuntime 1.1, with a long-lived runtime', () => {
    expect(manifest.Hosts.Host.Name).toBe('Workbook');
    expect(manifest.Requirements.Sets.Set).toContainEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
    // parameterAddresses and CustomFunctions.Error messages need 1.3.
    expect(manifest.Requirements.Sets.Set).toContainEqual({ Name: 'CustomFunctionsRuntime', MinVersion: '1.3' });
    expect(host.Runtimes.Runtime).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
  });

  test('the CustomFunctions extension point for all form factors, on the shared runtime page', () => {
    const point = host.AllFormFactors.ExtensionPoint;
    expect(point['xsi:type']).toBe('CustomFunctions');
    // The shared runtime loads only if the page is the runtime's own resource.
    expect(point.Page.SourceLocation.resid).toBe(host.Runtimes.Runtime[0].resid);
    expect(point.Script.SourceLocation.resid).toBe('Functions.Script.Url');
    expect(point.Metadata.SourceLocation.resid).toBe('Functions.Metadata.Url');
    const namespace = resources['bt:ShortStrings']['bt:String'].find(
      (s: { id: string }) => s.id === point.Namespace.resid,
    );
    expect(namespace.DefaultValue).toBe('BUDGET');
    expect(namespace['bt:Override']).toEqual({ Locale: 'zh-CN', Value: '预算' });
  });

  test('a Home-tab button opens the pane on the shared runtime page; its strings are in both languages', () => {
    const desktop = host.DesktopFormFactor;
    expect(desktop.FunctionFile.resid).toBe('Taskpane.Url');
    const control = desktop.ExtensionPoint.OfficeTab.Group.Control;
    expect(control.Action).toMatchObject({
      'xsi:type': 'ShowTaskpane',
      TaskpaneId: 'ButtonId1',
      SourceLocation: { resid: 'Taskpane.Url' },
    });
    const strings = [...resources['bt:ShortStrings']['bt:String'], ...resources['bt:LongStrings']['bt:String']];
    for (const id of [
      'Group.Label',
      'TaskpaneButton.Label',
      'TaskpaneButton.Tooltip',
      'GetStarted.Title',
      'GetStarted.Description',
    ]) {
      const entry = strings.find((s: { id: string }) => s.id === id);
      expect(entry['bt:Override'].Locale).toBe('zh-CN');
      expect(entry['bt:Override'].Value).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('URLs on the https dev server, each pointing at a file the build produced; Chinese metadata for zh-CN', () => {
    for (const entry of resources['bt:Urls']['bt:Url']) {
      expect(entry.DefaultValue).toMatch(/^https:\/\/localhost:3000\//);
      expect(existsSync(join(dist, entry.DefaultValue.replace('https://localhost:3000/', '')))).toBe(true);
    }
    expect(url('Functions.Metadata.Url')['bt:Override']).toEqual({
      Locale: 'zh-CN',
      Value: 'https://localhost:3000/functions-zh-CN.json',
    });
    for (const image of resources['bt:Images']['bt:Image'])
      expect(existsSync(join(dist, image.DefaultValue.replace('https://localhost:3000/', '')))).toBe(true);
    expect(manifest.DisplayName.Override).toEqual({ Locale: 'zh-CN', Value: '预算绩效表检查' });
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('deployment: the manifest for an office’s own https address, and one self-contained standalone.html', () => {
  const config = require('../webpack.config.js') as {
    baseUrlOf: (env: { baseUrl?: string }) => string;
    manifestFor: (xml: string, baseUrl: string) => string;
  };
  const xml = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');

  test('--env baseUrl=… points every address of the manifest at the office’s server; http and non-addresses refused', () => {
    expect(config.baseUrlOf({})).toBe('https://localhost:3000/');
    expect(config.baseUrlOf({ baseUrl: 'https://intranet.example/budget-check' })).toBe(
      'https://intranet.example/budget-check/',
    );
    const deployed = config.manifestFor(xml, config.baseUrlOf({ baseUrl: 'https://intranet.example/budget-check/' }));
    expect(deployed).not.toContain('localhost');
    const addresses = [...deployed.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]!);
    // Every address the development manifest has, moved (the same count), each under the new base.
    expect(addresses.length).toBe([...xml.matchAll(/https:\/\/localhost:3000\//g)].length);
    for (const address of addresses) expect(address.startsWith('https://intranet.example/budget-check/')).toBe(true);
    expect(deployed).toContain('https://intranet.example/budget-check/taskpane.html');
    expect(() => config.baseUrlOf({ baseUrl: 'http://intranet.example/' })).toThrow(/https/);
    expect(() => config.baseUrlOf({ baseUrl: 'intranet' })).toThrow(/not an address/);
  });

  test('dist/addin/standalone.html holds its whole script: no file beside it is loaded, and its CSP allows exactly that script', () => {
    const html = readFileSync(join(dist, 'standalone.html'), 'utf8');
    expect(existsSync(join(dist, 'standalone.js'))).toBe(false);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*\shref=/);
    expect(html).not.toContain('sourceMappingURL');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.length).toBeGreaterThan(100_000);
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toContain("script-src 'self'");
  });
});
