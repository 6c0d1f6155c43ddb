/**
 * Saves `data` as a file the browser downloads. Small and dependency-free, so any screen can offer
 * a download without pulling in an exporter (the share feature's codec stays out of the first screen).
 */
export function download(filename: string, data: string | Blob, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
