import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Table, encodeChunk } from '../../src/render/png-chunks.js';

describe('PNG chunk CRC', () => {
  it('is the CRC-32 PNG specifies, natively and from the table alike', () => {
    const check = Buffer.from('123456789', 'latin1');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(crc32Table(check)).toBe(0xcbf43926);
    // Every PNG ends with this chunk: "IEND", no data, CRC ae 42 60 82.
    expect([...encodeChunk('IEND', new Uint8Array(0))]).toEqual([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    const data = randomBytes(100_003);
    expect(crc32(data)).toBe(crc32Table(data));
    expect(crc32(data.subarray(7, 70_001))).toBe(crc32Table(data.subarray(7, 70_001)));
  });
});
