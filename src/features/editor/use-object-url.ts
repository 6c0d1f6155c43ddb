import { useEffect, useState } from 'react';
import type { BinarySource } from '../../domain/types';
import { getBlob } from '../../lib/db/repo';

/** A displayable URL for a binary source: object URLs for stored blobs, revoked on unmount. */
export function useObjectURL(source: BinarySource): string | null {
  const blobId = source.kind === 'blob' ? source.blobId : null;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (blobId === null) return;
    let revoked = false;
    let made: string | null = null;
    void getBlob(blobId).then((blob) => {
      if (revoked || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [blobId]);
  return source.kind === 'url' ? source.url : url;
}
