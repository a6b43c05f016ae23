import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { flipProductionFuses } from '../../tools/packaging/fuses';
import { filePatterns, loadBuilderConfig as loadConfig, quietLogger as quiet } from '../helpers/packaging';

function targetNames(targets: unknown): string[] {
  const list = (Array.isArray(targets) ? targets : [targets]) as (string | TargetConfiguration)[];
  return list.map((target) => (typeof target === 'string' ? target : target.target));
}

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is really validated: a wrong option is refused', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration({ ...config, nsis: { perMachine: 'yes' } } as unknown as Configuration, quiet)).rejects.toThrow(/perMachine/);
    await expect(validateConfiguration({ ...config, notAnOption: true } as unknown as Configuration, quiet)).rejects.toThrow(/notAnOption/);
  });

  it('names the app and keeps the icons and output out of the app itself', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('com.mostrador.desk');
    expect(config.productName).toBe('Mostrador');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' });
  });

  it('builds AppImage and deb for Linux, a per-user NSIS installer with differential updates for Windows, dmg and zip for macOS', async () => {
    const config = await loadConfig();
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.icon).toBe('resources/icons');
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.win?.icon).toBe('resources/icon.ico');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, differentialPackage: true });
    // The zip is what electron-updater installs on a Mac.
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(config.mac?.icon).toBe('resources/icon.icns');
  });

  it('packs only the built bundles and unpacks better-sqlite3\'s native module', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    const patterns = filePatterns(config.files);
    expect(patterns).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!out/main/web.js']));
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**']);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node', 'node_modules/@img/**/*']);
    expect(config.npmRebuild).toBe(false);
  });

  it('publishes update files for a generic https feed, for every channel', async () => {
    const config = await loadConfig();
    const publish = config.publish as { provider: string; url: string }[];
    expect(publish).toHaveLength(1);
    expect(publish[0]!.provider).toBe('generic');
    expect(new URL(publish[0]!.url).protocol).toBe('https:');
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('flips the production fuses after packing', async () => {
    const config = await loadConfig();
    // electron-builder's loader imports the config (and so the hook) apart from this test's modules.
    expect(typeof config.afterPack).toBe('function');
    expect((config.afterPack as (...args: never[]) => unknown).name).toBe(flipProductionFuses.name);
  });
});
