/** Splits `[--db FILE] [--port N] <command> [args…]` into the options and the rest. */
export function parseHostArgs(argv: string[]): { db: string | undefined; port: number | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice(5);
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice(7));
    else rest.push(arg);
  }
  return { db, port, rest };
}
