// A bounds-checked cursor over a reply. Every read names the field it reads, so a short or garbled
// reply fails with "product name: needs 13 bytes at byte 58, only 4 left" instead of a RangeError
// from Buffer (or, worse, a silently wrong number).
export class ReplyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplyFormatError';
  }
}

export class ByteReader {
  private offset: number;

  constructor(
    private readonly bytes: Buffer,
    /** Where `bytes` starts in the whole reply, so messages give reply offsets. */
    private readonly base = 0,
  ) {
    this.offset = 0;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** The reply offset of the next byte. */
  get position(): number {
    return this.base + this.offset;
  }

  u8(field: string): number {
    const at = this.take(1, field);
    return this.bytes.readUInt8(at);
  }

  u16le(field: string): number {
    const at = this.take(2, field);
    return this.bytes.readUInt16LE(at);
  }

  u16be(field: string): number {
    const at = this.take(2, field);
    return this.bytes.readUInt16BE(at);
  }

  u32le(field: string): number {
    const at = this.take(4, field);
    return this.bytes.readUInt32LE(at);
  }

  bytesOf(length: number, field: string): Buffer {
    const at = this.take(length, field);
    return this.bytes.subarray(at, at + length);
  }

  /** A reader over the next `length` bytes; this one moves past them. */
  sub(length: number, field: string): ByteReader {
    const start = this.position;
    return new ByteReader(this.bytesOf(length, field), start);
  }

  private take(length: number, field: string): number {
    if (this.remaining < length) {
      throw new ReplyFormatError(
        `${field}: needs ${length} byte${length === 1 ? '' : 's'} at byte ${this.position}, ` +
          `only ${this.remaining} left`,
      );
    }
    const at = this.offset;
    this.offset += length;
    return at;
  }
}
