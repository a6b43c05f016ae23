/** What the hosts take before the command: the database, the port, and who is calling. */
export interface HostArgs {
  db: string | undefined;
  port: number | undefined;
  /** `--staff ID --pin PIN`: sign in as them (needed once PINs are on). */
  staff: string | undefined;
  pin: string | undefined;
  /** `--approver ID --approver-pin PIN`: an owner or manager approving this one call. */
  approver: string | undefined;
  approverPin: string | undefined;
  rest: string[];
}

const options = { '--db': 'db', '--port': 'port', '--staff': 'staff', '--pin': 'pin', '--approver': 'approver', '--approver-pin': 'approverPin' } as const;

/** Splits `[--db FILE] [--port N] [--staff ID --pin PIN] [--approver ID --approver-pin PIN] <command> [args…]`. */
export function parseHostArgs(argv: string[]): HostArgs {
  const found: Record<string, string | undefined> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = Object.hasOwn(options, flag) ? options[flag as keyof typeof options] : undefined;
    if (key) found[key] = inline ?? argv[++i];
    else rest.push(arg);
  }
  return {
    db: found.db,
    port: found.port === undefined ? undefined : Number(found.port),
    staff: found.staff,
    pin: found.pin,
    approver: found.approver,
    approverPin: found.approverPin,
    rest,
  };
}
