/**
 * Saves text as a file the browser downloads (the CSV the finance team sends to the bank, the
 * audit trail an auditor opens in a spreadsheet).
 *
 * @example
 * saveFile('audit.csv', await api.auditCsv(clusterId, filters));
 */
export function saveFile(name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
