import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFuseWire, flipProductionFuses, packedElectronPath, productionFuseConfig, productionFuses } from '../../tools/packaging/fuses';

/** Electron's defaults for the nine fuses of wire version 1, in wire order. */
const electronDefaults = '101100011';

/** A stand-in for the Electron binary: some bytes, the fuse sentinel, the wire (version 1), more bytes. */
function fakeElectron(path: string, wire = electronDefaults): void {
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 0xcc), sentinel, Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), Buffer.alloc(4096, 0xdd)]));
}

function context(appOutDir: string, electronPlatformName: string, arch = 1): AfterPackContext {
  return {
    appOutDir,
    electronPlatformName,
    arch,
    outDir: appOutDir,
    targets: [],
    packager: { appInfo: { productFilename: 'Mostrador' }, executableName: 'mostrador' },
  } as unknown as AfterPackContext;
}

describe('production fuses', () => {
  it('are the agreed table', () => {
    expect(productionFuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
  });

  it('name every fuse @electron/fuses knows, in its wire positions', () => {
    const names = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(productionFuses).sort()).toEqual(names.sort());
    const config = productionFuseConfig() as unknown as Record<string, unknown>;
    expect(config.version).toBe('1');
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('find the Electron binary of each platform\'s packed app', () => {
    expect(packedElectronPath(context('/pack/linux-unpacked', 'linux'))).toBe(join('/pack/linux-unpacked', 'mostrador'));
    expect(packedElectronPath(context('/pack/win-unpacked', 'win32'))).toBe(join('/pack/win-unpacked', 'Mostrador.exe'));
    expect(packedElectronPath(context('/pack/mac', 'darwin'))).toBe(join('/pack/mac', 'Mostrador.app'));
  });
});

describe('the afterPack hook', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mostrador-fuses-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('flips the wire of the packed binary and checks it took, touching nothing else', async () => {
    const binary = join(dir, 'mostrador');
    fakeElectron(binary);
    const before = readFileSync(binary);
    await flipProductionFuses(context(dir, 'linux'));

    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(checkFuseWire(wire)).toEqual({ wrong: [], unknown: [] });

    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    const changed = [...after].flatMap((byte, at) => (byte === before[at] ? [] : [at]));
    const wireStart = 4096 + 32 + 2;
    expect(changed.every((at) => at >= wireStart && at < wireStart + 9)).toBe(true);
  });

  it('leaves a fuse it does not know at Electron\'s default and says so', async () => {
    const binary = join(dir, 'Mostrador.exe');
    fakeElectron(binary, `${electronDefaults}1`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await flipProductionFuses(context(dir, 'win32'));
    const wire = await getCurrentFuseWire(binary);
    expect(checkFuseWire(wire)).toEqual({ wrong: [], unknown: [9] });
    expect((wire as Record<number, unknown>)[9]).toBe(FuseState.ENABLE);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('index 9'));
  });

  it('fails the build when the binary has no fuse wire', async () => {
    writeFileSync(join(dir, 'mostrador'), Buffer.alloc(1024));
    await expect(flipProductionFuses(context(dir, 'linux'))).rejects.toThrow(/sentinel/);
  });

  it('reports a wire that does not match the table', () => {
    const wire: Record<number, number> = {};
    for (const [at, state] of [...electronDefaults].entries()) wire[at] = state.charCodeAt(0);
    expect(checkFuseWire(wire).wrong).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'GrantFileProtocolExtraPrivileges',
    ]);
  });
});
