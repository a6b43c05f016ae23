/** Prints the page as the daily list does: the host's print in Electron, the browser's dialog otherwise. */
export function printPage(): void {
  const bridge = window.mostrador;
  if (bridge?.print) void bridge.print();
  else window.print();
}
