import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_CHUNK_BASE64 } from '@shared/dto/data-import';
import { FakeEngineClient } from '../../store/testing/fake-engine-client';
import { UPLOAD_CHUNK_BYTES, bytesToBase64, uploadFile, uploadProblem, type UploadFile } from './upload';

function fileOf(name: string, bytes: Uint8Array): UploadFile {
  return {
    name,
    size: bytes.length,
    slice: (start, end) => ({ arrayBuffer: () => Promise.resolve(bytes.slice(start, end).buffer) }),
  };
}

describe('bytesToBase64', () => {
  it('encodes like Node does, including large inputs', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('uploadFile', () => {
  it('sends chunks whose base64 fits the contract, in order, and reports progress', async () => {
    const chunks: { offset: number; base64: string }[] = [];
    const client = new FakeEngineClient()
      .handle('md.import.begin', () => ({ uploadId: 'u1' }))
      .handle('md.import.chunk', ({ offset, base64 }) => {
        chunks.push({ offset, base64 });
        return { received: offset + Buffer.from(base64, 'base64').length };
      });
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES * 2 + 10).map((_, i) => i % 251);
    const progress: number[] = [];

    const id = await uploadFile(client, fileOf('SPY.csv', bytes), (sent) => progress.push(sent));

    expect(id).toBe('u1');
    expect(client.calls[0]).toEqual({ method: 'md.import.begin', params: { fileName: 'SPY.csv', size: bytes.length } });
    expect(chunks.map((c) => c.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2]);
    expect(chunks.every((c) => c.base64.length <= MAX_UPLOAD_CHUNK_BASE64)).toBe(true);
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.base64, 'base64'))).equals(Buffer.from(bytes))).toBe(true);
    expect(progress).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2, bytes.length]);
  });

  it('refuses an empty file before calling the engine', async () => {
    const client = new FakeEngineClient();
    await expect(uploadFile(client, fileOf('empty.csv', new Uint8Array()), () => {})).rejects.toThrow('The file is empty.');
    expect(client.calls).toEqual([]);
    expect(uploadProblem({ size: 10 })).toBeNull();
  });
});
