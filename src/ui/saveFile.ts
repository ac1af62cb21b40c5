/** Saves a file the app made (an export, a CSV) through the browser's download: the one place the app downloads. */

/** A file ready to be saved: its name, contents (a text, or a Blob built in parts) and media type. */
export interface FileToSave<Contents extends string | Blob = string | Blob> {
  name: string;
  contents: Contents;
  type: string;
}

/** How long the object URL stays valid after the click (the browser has started the download by then). */
const REVOKE_AFTER_MS = 10_000;

export function saveFile(file: FileToSave): void {
  const url = URL.createObjectURL(typeof file.contents === 'string' ? new Blob([file.contents], { type: file.type }) : file.contents);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
