import { maxPhotoBytes } from '../../src-shared/domain/photos';

/** A picked file as a data URL; too large ones are refused here, before megabytes cross to main. Main judges the type by its bytes. */
export function readPhotoFile(file: File): Promise<{ dataUrl: string } | { problem: 'tooLarge' | 'unreadable' }> {
  if (file.size > maxPhotoBytes) return Promise.resolve({ problem: 'tooLarge' });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ dataUrl: String(reader.result) });
    reader.onerror = () => resolve({ problem: 'unreadable' });
    reader.readAsDataURL(file);
  });
}

/** Whether this computer has a camera at all (no permission needed to know): the "Hacer foto" button shows only then. */
export async function hasCamera(): Promise<boolean> {
  try {
    const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
    return devices.some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}
