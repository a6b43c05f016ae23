import { join } from 'node:path';
import type { FuseV1Config } from '@electron/fuses';
import { flipFuses, FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { Arch } from 'electron-builder';

/**
 * The fuses of every packaged build, flipped in the Electron binary itself so that no flag or
 * environment variable can turn them back. Every fuse @electron/fuses knows is named here; after
 * flipping, the hook reads the wire back and fails the build if one did not take.
 */
export const productionFuses = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node. */
  RunAsNode: false,
  /** Cookies (none today) encrypted with the OS keychain, like Chrome's. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored: no code injected through the environment. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and SIGUSR1 ignored: no debugger attached to the desk's data. */
  EnableNodeCliInspectArguments: false,
  /** app.asar checked against the hash electron-builder embeds (macOS, Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, never a loose app/ folder put beside it. */
  OnlyLoadAppFromAsar: true,
  /** Electron's default: one V8 snapshot for every process. */
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** The renderer is served from app://mostrador, never file://: file pages get no extra powers. */
  GrantFileProtocolExtraPrivileges: false,
  /** Electron's default: WebAssembly trap handlers on. */
  WasmTrapHandlers: true,
} as const satisfies Record<keyof typeof FuseV1Options, boolean>;

export type FuseName = keyof typeof FuseV1Options;

/**
 * The config for @electron/fuses. Not `strictlyRequireAllFuses`: a newer Electron with a fuse this
 * version of @electron/fuses does not know would then fail every build; such a fuse keeps
 * Electron's default and the hook says so.
 */
export function productionFuseConfig(resetAdHocDarwinSignature = false): FuseV1Config {
  const wire = Object.fromEntries(Object.entries(productionFuses).map(([name, on]) => [FuseV1Options[name as FuseName], on]));
  return { version: FuseVersion.V1, resetAdHocDarwinSignature, ...wire } as FuseV1Config;
}

/** Compares a binary's wire (as read back) with productionFuses: what differs, and the fuses we do not know. */
export function checkFuseWire(wire: object): { wrong: FuseName[]; unknown: number[] } {
  const states = wire as Partial<Record<number, FuseState | string>>;
  const wrong = (Object.keys(productionFuses) as FuseName[]).filter(
    (name) => states[FuseV1Options[name]] !== (productionFuses[name] ? FuseState.ENABLE : FuseState.DISABLE),
  );
  const known = new Set<number>(Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number'));
  const unknown = Object.keys(wire)
    .map(Number)
    .filter((index) => Number.isInteger(index) && !known.has(index));
  return { wrong, unknown };
}

/** The Electron binary of a packed app (for macOS the .app bundle: @electron/fuses finds the framework in it). */
export function packedElectronPath(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return join(appOutDir, (packager as unknown as { executableName: string }).executableName);
  }
}

/**
 * electron-builder's afterPack hook: runs once per platform and arch after the app is packed and
 * before it is signed (flipping a fuse changes the binary, so signing must come after).
 */
export async function flipProductionFuses(context: AfterPackContext): Promise<void> {
  // Unsigned arm64 macOS builds must keep a valid ad-hoc signature to launch at all.
  const adHoc = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  const binary = packedElectronPath(context);
  await flipFuses(binary, productionFuseConfig(adHoc));
  const { wrong, unknown } = checkFuseWire(await getCurrentFuseWire(binary));
  if (wrong.length > 0) throw new Error(`fuses not set as configured in ${binary}: ${wrong.join(', ')}`);
  if (unknown.length > 0) console.warn(`[fuses] ${binary} has fuses @electron/fuses does not know (index ${unknown.join(', ')}): left at Electron's default`);
}
