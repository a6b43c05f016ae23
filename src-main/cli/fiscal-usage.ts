/** `fiscal verify` and `fiscal export`: the VERI*FACTU chains for the centre and its accountant (their usage, apart from their code so the CLI prints it without loading XML and chains). */
export const fiscalUsage = `  fiscal verify         recomputes every VERI*FACTU record chain: "OK: N records in K chains", or the
                        first broken link (exit 1)
  fiscal export --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]
                        the records created in those local dates, in the AEAT's XML: one
                        RegFactuSistemaFacturacion per issuer and 1000 records (FILE, FILE-2…); stdout without --out`;
