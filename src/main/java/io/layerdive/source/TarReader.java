package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A streaming tar parser with the semantics of Go's {@code archive/tar} reader (ustar, PAX, GNU
 * long names and sparse files, star, v7), reading through one large buffer so that entry data can
 * be hashed in place. Every byte taken from the underlying stream passes once, in order, through
 * the optional {@code onRead} sink: that is how a layer's diff_id is computed on the fly.
 *
 * <p>Not thread-safe. Entry data not read before {@link #next()} is skipped (by {@link
 * InputStream#skip} when no sink watches the bytes, so indexing a file seeks over data).
 */
final class TarReader {

  /** Receives a slice of the reader's buffer; must not keep it. */
  interface Chunks {
    void accept(byte[] buffer, int offset, int length);
  }

  static final int BLOCK = 512;
  private static final int MAX_SPECIAL_FILE = 1 << 20;
  private static final byte[] ZEROS = new byte[64 * 1024];
  private static final Set<String> KNOWN_PAX_KEYS =
      Set.of(
          "path",
          "linkpath",
          "size",
          "uid",
          "gid",
          "uname",
          "gname",
          "mtime",
          "atime",
          "ctime",
          "charset",
          "comment",
          "hdrcharset");
  private static final String[] KNOWN_PAX_PREFIXES = {"SCHILY.", "LIBARCHIVE.", "GNU.", "RHT."};

  private final InputStream in;
  private final byte[] buf;
  private final Chunks onRead;
  private final Consumer<String> warnings;
  private final Set<String> warnedKeys = new HashSet<>();
  private int pos;
  private int limit;
  private long bufStart;
  private boolean inputEnded;
  private boolean archiveEnded;
  private int entries;

  private TarHeader current;
  private long dataRemaining;
  private int padding;

  /**
   * @param bufferSize at least 64 KiB for reading layers; a few KiB suit indexing, where the data
   *     is skipped
   * @param onRead sees every byte read from {@code in}, or null
   * @param warnings receives oddities that do not stop the reading
   */
  TarReader(InputStream in, int bufferSize, Chunks onRead, Consumer<String> warnings) {
    if (bufferSize < 2 * BLOCK) throw new IllegalArgumentException("buffer " + bufferSize);
    this.in = in;
    this.buf = new byte[bufferSize];
    this.onRead = onRead;
    this.warnings = warnings;
  }

  /** Offset in the underlying stream of the next byte the parser will look at. */
  long position() {
    return bufStart + pos;
  }

  /** Number of entries returned so far. */
  int entryCount() {
    return entries;
  }

  /**
   * The next entry, or null at the end of the archive (two zero blocks, or the stream ending
   * cleanly between entries, both as Go accepts them).
   */
  TarHeader next() throws IOException {
    if (archiveEnded) return null;
    if (current != null) skipCurrent();
    // The common entry (a ustar or GNU header with no extension before it) stays on this short
    // path so that the JIT compiles it early; extensions, sparse files and the end go elsewhere.
    Extensions ext = null;
    long firstOffset = position();
    while (true) {
      long offset = position();
      if (!fill(BLOCK)) return endOfStream(offset, ext != null && ext.saidAnything());
      int sum = byteSum(pos);
      if (sum == 0) return endMarker(offset);
      verifyChecksum(offset, sum);

      int h = pos;
      byte flag = buf[h + 156];
      long size = numeric(h + 124, 12, "size", offset);
      if (size < 0) throw negativeSize(offset);
      if (flag == 'x' || flag == 'g' || flag == 'L' || flag == 'K') {
        ext = readExtension(ext, flag, size, offset);
        continue;
      }
      if (ext != null || flag == 'S') return extendedEntry(flag, size, offset, firstOffset, ext);

      String name = headerName(h);
      String linkName = EntryNames.decodeField(buf, h + 157, 100);
      int mode = (int) numeric(h + 100, 8, "mode", offset);
      long uid = numeric(h + 108, 8, "uid", offset);
      long gid = numeric(h + 116, 8, "gid", offset);
      pos += BLOCK;
      if (flag == 0) flag = name.endsWith("/") ? (byte) '5' : (byte) '0';
      return entry(
          name, linkName, flag, mode, uid, gid, size, -1, offset, firstOffset, null, false);
    }
  }

  /** What extension headers (PAX, GNU long name and link) said about the entry that follows. */
  private static final class Extensions {
    String longName;
    String longLink;
    Map<String, String> pax;

    /** False after only global PAX headers, which the stream may end after. */
    boolean saidAnything() {
      return longName != null || longLink != null || pax != null;
    }
  }

  private void skipCurrent() throws IOException {
    long n = dataRemaining + padding;
    long buffered = Math.min(n, limit - pos);
    if (buffered == n) {
      pos += (int) n;
    } else {
      skip(n, "the data of '" + current.name() + "'");
    }
    current = null;
    dataRemaining = 0;
    padding = 0;
  }

  private static TarFormatException negativeSize(long offset) {
    return new TarFormatException("negative size in the header at offset " + offset);
  }

  /** The stream ended where a header should start: the end of the archive, or a cut one. */
  private TarHeader endOfStream(long offset, boolean extended) throws IOException {
    if (limit == pos && !extended) {
      archiveEnded = true;
      return null;
    }
    if (offset == 0 && entries == 0 && !matches(pos + 257, limit - pos, "ustar")) {
      throw new TarFormatException("not a tar archive (" + (limit - pos) + " bytes only)");
    }
    throw new TarTruncatedException("the stream ends inside the tar header at offset " + offset);
  }

  /** A zero block at {@code pos}: the end-of-archive marker, which must be a second one. */
  private TarHeader endMarker(long offset) throws IOException {
    pos += BLOCK;
    if (!fill(BLOCK)) {
      if (limit == pos) {
        archiveEnded = true;
        return null;
      }
      throw new TarTruncatedException(
          "the stream ends inside the end-of-archive marker at offset " + position());
    }
    if (isZeroBlock(pos)) {
      pos += BLOCK;
      archiveEnded = true;
      return null;
    }
    throw new TarFormatException("a zero block at offset " + offset + " is followed by more data");
  }

  /** Reads a PAX or GNU long name or link header at {@code pos} into {@code ext}. */
  private Extensions readExtension(Extensions ext, byte flag, long size, long offset)
      throws IOException {
    if (ext == null) ext = new Extensions();
    pos += BLOCK;
    byte[] data = readSpecial(size, offset);
    if (flag == 'x' || flag == 'g') {
      Map<String, String> records = parsePax(data, offset);
      warnUnknownKeys(records);
      if (flag == 'x') ext.pax = records;
    } else {
      String value = EntryNames.decodeField(data, 0, data.length);
      if (flag == 'L') ext.longName = value;
      else ext.longLink = value;
    }
    return ext;
  }

  /** The name in the header at {@code h}, with the ustar prefix (shorter in star's format). */
  private String headerName(int h) {
    String name = EntryNames.decodeField(buf, h, 100);
    if (matches(h + 257, "ustar\0")) {
      boolean star = matches(h + 508, "tar\0");
      String prefix = EntryNames.decodeField(buf, h + 345, star ? 131 : 155);
      if (!prefix.isEmpty()) name = prefix + "/" + name;
    }
    return name;
  }

  /** An entry after extension headers, or a GNU sparse one: the header is at {@code pos}. */
  private TarHeader extendedEntry(
      byte flag, long size, long offset, long firstOffset, Extensions ext) throws IOException {
    int h = pos;
    boolean gnu = matches(h + 257, "ustar ") && buf[h + 263] == ' ' && buf[h + 264] == 0;
    String name = headerName(h);
    String linkName = EntryNames.decodeField(buf, h + 157, 100);
    int mode = (int) numeric(h + 100, 8, "mode", offset);
    long uid = numeric(h + 108, 8, "uid", offset);
    long gid = numeric(h + 116, 8, "gid", offset);
    long[] sparse = null;
    long realSize = -1;
    if (flag == 'S') {
      if (!gnu) throw new TarFormatException("a sparse entry without GNU format at " + offset);
      realSize = numeric(h + 483, 12, "sparse size", offset);
      sparse = readOldGnuSparseMap(h, offset);
    } else {
      pos += BLOCK;
    }

    boolean paxSparse1 = false;
    Map<String, String> pax = ext == null ? null : ext.pax;
    if (pax != null) {
      String v;
      if ((v = pax.get("path")) != null && !v.isEmpty()) name = v;
      if ((v = pax.get("linkpath")) != null && !v.isEmpty()) linkName = v;
      if ((v = pax.get("size")) != null) size = paxNumber(v, "size", offset);
      if ((v = pax.get("uid")) != null) uid = paxNumber(v, "uid", offset);
      if ((v = pax.get("gid")) != null) gid = paxNumber(v, "gid", offset);
      String major = pax.get("GNU.sparse.major");
      String minor = pax.get("GNU.sparse.minor");
      String map = pax.get("GNU.sparse.map");
      boolean v1 = "1".equals(major) && "0".equals(minor);
      boolean v0 =
          ("0".equals(major) && ("0".equals(minor) || "1".equals(minor)))
              || (major == null && minor == null && map != null && !map.isEmpty());
      if (v0 || v1) {
        if ((v = pax.get("GNU.sparse.name")) != null && !v.isEmpty()) name = v;
        v = pax.get("GNU.sparse.size");
        if (v == null) v = pax.get("GNU.sparse.realsize");
        if (v != null) realSize = paxNumber(v, "GNU.sparse.size", offset);
        if (v0) sparse = parseSparseMap(map == null ? "" : map, offset);
        paxSparse1 = v1;
      } else if (major != null || minor != null) {
        warnOnce(
            "sparse:" + major + "." + minor,
            "'"
                + name
                + "': unknown GNU sparse format "
                + major
                + "."
                + minor
                + "; read as a plain file");
      }
    }
    if (ext != null && ext.longName != null) name = ext.longName;
    if (ext != null && ext.longLink != null) linkName = ext.longLink;
    if (flag == 0) flag = name.endsWith("/") ? (byte) '5' : (byte) '0';
    return entry(
        name,
        linkName,
        flag,
        mode,
        uid,
        gid,
        size,
        realSize,
        offset,
        firstOffset,
        sparse,
        paxSparse1);
  }

  /** The old GNU sparse map of the header at {@code h}, with its extension blocks if any. */
  private long[] readOldGnuSparseMap(int h, long offset) throws IOException {
    SparseList list = new SparseList();
    readSparseEntries(h + 386, 4, list, offset);
    boolean extended = buf[h + 482] != 0;
    pos += BLOCK;
    while (extended) {
      long extOffset = position();
      if (!fill(BLOCK)) {
        throw new TarTruncatedException(
            "the stream ends inside the sparse map at offset " + extOffset);
      }
      readSparseEntries(pos, 21, list, extOffset);
      extended = buf[pos + 504] != 0;
      pos += BLOCK;
    }
    return list.toArray();
  }

  /**
   * Makes the entry whose data starts at {@code pos} the current one; {@code offset} is where its
   * own header was, {@code firstOffset} where its first extension header was.
   */
  private TarHeader entry(
      String name,
      String linkName,
      byte flag,
      int mode,
      long uid,
      long gid,
      long size,
      long realSize,
      long offset,
      long firstOffset,
      long[] sparse,
      boolean paxSparse1)
      throws IOException {
    long dataSize = isHeaderOnly(flag) ? 0 : size;
    long dataOffset = position();
    current = null;
    dataRemaining = dataSize;
    padding = (int) ((BLOCK - (dataSize % BLOCK)) % BLOCK);
    if (paxSparse1) {
      sparse = readSparseMap1x0(offset, name);
    }
    long announced = realSize >= 0 ? realSize : size;
    if (sparse != null) validateSparse(sparse, announced, offset);
    entries++;
    current =
        new TarHeader(
            name,
            linkName,
            flag,
            mode,
            clampInt(uid),
            clampInt(gid),
            announced,
            firstOffset,
            dataOffset,
            dataSize,
            sparse);
    return current;
  }

  /**
   * Feeds the rest of the current entry's stored data to {@code sink}, straight from the buffer.
   */
  void readData(Chunks sink) throws IOException {
    while (dataRemaining > 0) {
      if (pos == limit && fillSome() < 0) throw truncatedData();
      int n = (int) Math.min(dataRemaining, limit - pos);
      sink.accept(buf, pos, n);
      pos += n;
      dataRemaining -= n;
    }
  }

  /**
   * Feeds the current entry's contents to {@code sink}: the stored data, or for a sparse file the
   * expanded file with its holes as zeros, as Go's reader returns it.
   */
  void readContents(Chunks sink) throws IOException {
    long[] map = current == null ? null : current.sparseMap();
    if (map == null) {
      readData(sink);
      return;
    }
    long cursor = 0;
    for (int i = 0; i < map.length; i += 2) {
      zeros(sink, map[i] - cursor);
      long want = map[i + 1];
      while (want > 0) {
        if (dataRemaining == 0) throw truncatedData();
        if (pos == limit && fillSome() < 0) throw truncatedData();
        int n = (int) Math.min(Math.min(want, dataRemaining), limit - pos);
        sink.accept(buf, pos, n);
        pos += n;
        dataRemaining -= n;
        want -= n;
      }
      cursor = map[i] + map[i + 1];
    }
    zeros(sink, current.size() - cursor);
  }

  private static void zeros(Chunks sink, long n) {
    while (n > 0) {
      int k = (int) Math.min(n, ZEROS.length);
      sink.accept(ZEROS, 0, k);
      n -= k;
    }
  }

  /** Reads stored data of the current entry, like {@link InputStream#read(byte[], int, int)}. */
  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (dataRemaining == 0) return -1;
    if (pos == limit && fillSome() < 0) throw truncatedData();
    int n = (int) Math.min(Math.min(dataRemaining, limit - pos), len);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    dataRemaining -= n;
    return n;
  }

  /** Bytes of the current entry's stored data not yet read. */
  long remainingData() {
    return dataRemaining;
  }

  /** Bytes that can be read now without touching the underlying stream, plus its estimate. */
  int available() throws IOException {
    long n = Math.min(dataRemaining, (long) (limit - pos) + in.available());
    return (int) Math.min(Integer.MAX_VALUE, Math.max(n, dataRemaining > 0 ? 1 : 0));
  }

  /**
   * Reads the underlying stream to its end, so that {@code onRead} has seen every byte: what
   * follows the end-of-archive marker (an eStargz table of contents) is part of a layer's diff_id.
   * Returns the number of bytes found after the last entry's data.
   */
  long drain() throws IOException {
    long from = position();
    pos = limit;
    while (fillSome() >= 0) {
      pos = limit;
    }
    current = null;
    dataRemaining = 0;
    archiveEnded = true;
    return position() - from;
  }

  // ---------------------------------------------------------------------------------------------

  private TarTruncatedException truncatedData() {
    String name = current == null ? "an entry" : "'" + current.name() + "'";
    return new TarTruncatedException(
        "the stream ends inside the data of " + name + " (" + dataRemaining + " bytes missing)");
  }

  /** Makes {@code need} bytes available at {@code pos}; false when the stream ends first. */
  private boolean fill(int need) throws IOException {
    if (limit - pos >= need) return true;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      bufStart += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < need && !inputEnded) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        inputEnded = true;
        break;
      }
      if (onRead != null && n > 0) onRead.accept(buf, limit, n);
      limit += n;
    }
    return limit - pos >= need;
  }

  /** With the buffer consumed, reads more; returns the count or -1 at the end of the stream. */
  private int fillSome() throws IOException {
    bufStart += limit;
    pos = 0;
    limit = 0;
    while (!inputEnded) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        inputEnded = true;
        break;
      }
      if (n == 0) continue;
      if (onRead != null) onRead.accept(buf, 0, n);
      limit = n;
      return n;
    }
    return -1;
  }

  private void skip(long n, String what) throws IOException {
    long buffered = Math.min(n, limit - pos);
    pos += (int) buffered;
    n -= buffered;
    if (n == 0) return;
    if (onRead == null) {
      bufStart += limit;
      pos = 0;
      limit = 0;
      while (n > 0) {
        long k = in.skip(n);
        if (k <= 0) break;
        bufStart += k;
        n -= k;
      }
    }
    while (n > 0) {
      if (fillSome() < 0) {
        throw new TarTruncatedException(
            "the stream ends inside " + what + " (" + n + " bytes missing)");
      }
      int k = (int) Math.min(n, limit);
      pos = k;
      n -= k;
    }
  }

  private byte[] readSpecial(long size, long offset) throws IOException {
    if (size > MAX_SPECIAL_FILE) {
      throw new TarFormatException(
          "an extended header of " + size + " bytes at offset " + offset + " is too large");
    }
    byte[] data = new byte[(int) size];
    int got = 0;
    while (got < data.length) {
      if (pos == limit && fillSome() < 0) {
        throw new TarTruncatedException(
            "the stream ends inside the extended header at offset " + offset);
      }
      int n = Math.min(data.length - got, limit - pos);
      System.arraycopy(buf, pos, data, got, n);
      pos += n;
      got += n;
    }
    skip((BLOCK - (size % BLOCK)) % BLOCK, "the extended header at offset " + offset);
    return data;
  }

  private boolean isZeroBlock(int at) {
    for (int i = at; i < at + BLOCK; i++) {
      if (buf[i] != 0) return false;
    }
    return true;
  }

  /** Like {@link #matches(int, String)} for a partly filled block of {@code available} bytes. */
  private boolean matches(int at, int available, String ascii) {
    return at + ascii.length() <= pos + available && matches(at, ascii);
  }

  private boolean matches(int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      if (buf[at + i] != (byte) ascii.charAt(i)) return false;
    }
    return true;
  }

  /**
   * The sum of the block's bytes, unsigned: zero only for a zero block, and with the checksum
   * field's own bytes taken out, the checksum. One plain loop, which the JIT can vectorise.
   */
  private int byteSum(int at) {
    int sum = 0;
    for (int i = at; i < at + BLOCK; i++) sum += buf[i] & 0xff;
    return sum;
  }

  /** Checks the header at {@code pos}, whose bytes sum to {@code sum}, against its checksum. */
  private void verifyChecksum(long offset, int sum) throws TarFormatException {
    int field = 0;
    for (int i = pos + 148; i < pos + 156; i++) field += buf[i] & 0xff;
    long unsigned = sum - field + 8 * ' ';
    long stored = octal(pos + 148, 8);
    // Some old writers summed the bytes as signed; only then is the second sum needed.
    if (stored != unsigned && stored != signedChecksum()) {
      throw new TarFormatException(
          entries == 0 && offset == 0
              ? "not a tar archive (no valid tar header at the start)"
              : "corrupt tar header at offset " + offset + " (checksum mismatch)");
    }
  }

  private long signedChecksum() {
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) signed += (i >= 148 && i < 156) ? ' ' : buf[pos + i];
    return signed;
  }

  private long numeric(int at, int len, String field, long offset) throws TarFormatException {
    if ((buf[at] & 0x80) != 0) return base256(at, len, field, offset);
    long x = octal(at, len);
    if (x < 0) {
      throw new TarFormatException(
          "the " + field + " field of the header at offset " + offset + " is not a number");
    }
    return x;
  }

  /** Base-256, two's complement when bit 6 of the first byte is set: GNU's large numbers. */
  private long base256(int at, int len, String field, long offset) throws TarFormatException {
    int inv = (buf[at] & 0x40) != 0 ? 0xff : 0;
    long x = 0;
    for (int i = 0; i < len; i++) {
      int c = (buf[at + i] & 0xff) ^ inv;
      if (i == 0) c &= 0x7f;
      if ((x >>> 56) != 0) {
        throw new TarFormatException("the " + field + " field overflows at offset " + offset);
      }
      x = (x << 8) | c;
    }
    if (x < 0) throw new TarFormatException("the " + field + " field overflows at " + offset);
    return inv == 0xff ? ~x : x;
  }

  /**
   * Octal with NUL and space padding on either side, cut at the first NUL inside; -1 when it is not
   * a number or overflows. One pass: the digits, then what follows them only when they end before
   * the field does.
   */
  private long octal(int at, int len) {
    int i = at;
    int end = at + len;
    while (i < end && (buf[i] == ' ' || buf[i] == 0)) i++;
    long x = 0;
    for (; i < end; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 7) return octalEnds(i, end) ? x : -1;
      if ((x >>> 60) != 0) return -1;
      x = (x << 3) | digit;
    }
    return x;
  }

  /** After the digits: a NUL cuts the field; otherwise only spaces and NULs may follow. */
  private boolean octalEnds(int i, int end) {
    if (buf[i] == 0) return true;
    for (; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != 0) return false;
    }
    return true;
  }

  private static long paxNumber(String v, String key, long offset) throws TarFormatException {
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new TarFormatException(
          "the PAX record " + key + "=" + v + " at offset " + offset + " is not a number");
    }
  }

  private static boolean isHeaderOnly(byte flag) {
    return flag == '1' || flag == '2' || flag == '3' || flag == '4' || flag == '5' || flag == '6';
  }

  private static int clampInt(long v) {
    return (int) Math.min(Math.max(v, Integer.MIN_VALUE), Integer.MAX_VALUE);
  }

  /** PAX records {@code "LEN KEY=VALUE\n"}; repeated 0.0 sparse records join into one map. */
  private Map<String, String> parsePax(byte[] data, long offset) throws TarFormatException {
    Map<String, String> records = new HashMap<>();
    StringBuilder sparseMap = null;
    int i = 0;
    while (i < data.length) {
      if (data[i] == 0) break; // some writers pad with NULs
      int sp = i;
      long len = 0;
      while (sp < data.length && data[sp] >= '0' && data[sp] <= '9') {
        len = len * 10 + (data[sp] - '0');
        if (len > data.length) break;
        sp++;
      }
      if (sp == i
          || sp >= data.length
          || data[sp] != ' '
          || len <= sp - i + 1
          || i + len > data.length
          || data[(int) (i + len - 1)] != '\n') {
        throw new TarFormatException("a malformed PAX record in the header at offset " + offset);
      }
      int end = (int) (i + len - 1);
      int eq = sp + 1;
      while (eq < end && data[eq] != '=') eq++;
      if (eq == end || eq == sp + 1) {
        throw new TarFormatException("a malformed PAX record in the header at offset " + offset);
      }
      String key = new String(data, sp + 1, eq - sp - 1, StandardCharsets.UTF_8);
      String value = EntryNames.decode(data, eq + 1, end - eq - 1);
      if (key.equals("GNU.sparse.offset") || key.equals("GNU.sparse.numbytes")) {
        if (sparseMap == null) sparseMap = new StringBuilder();
        if (sparseMap.length() > 0) sparseMap.append(',');
        sparseMap.append(value);
      } else {
        records.put(key, value);
      }
      i = (int) (i + len);
    }
    if (sparseMap != null) records.put("GNU.sparse.map", sparseMap.toString());
    return records;
  }

  private void warnUnknownKeys(Map<String, String> records) {
    for (String key : records.keySet()) {
      if (KNOWN_PAX_KEYS.contains(key)) continue;
      boolean known = false;
      for (String prefix : KNOWN_PAX_PREFIXES) {
        if (key.startsWith(prefix)) {
          known = true;
          break;
        }
      }
      if (!known) warnOnce(key, "unknown PAX header '" + key + "' ignored");
    }
  }

  private void warnOnce(String key, String message) {
    if (warnings != null && warnedKeys.add(key)) warnings.accept(message);
  }

  /** Collects sparse (offset, length) pairs. */
  private static final class SparseList {
    private long[] pairs = new long[8];
    private int size;

    void add(long offset, long length) {
      if (size + 2 > pairs.length) pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
      pairs[size++] = offset;
      pairs[size++] = length;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(pairs, size);
    }
  }

  private void readSparseEntries(int at, int count, SparseList list, long offset)
      throws TarFormatException {
    for (int e = 0; e < count; e++) {
      int entry = at + e * 24;
      if (buf[entry] == 0) break; // GNU and BSD tar end the list at an empty offset
      list.add(
          numeric(entry, 12, "sparse offset", offset),
          numeric(entry + 12, 12, "sparse length", offset));
    }
  }

  private static long[] parseSparseMap(String map, long offset) throws TarFormatException {
    if (map.isEmpty()) return new long[0];
    String[] parts = map.split(",", -1);
    if (parts.length % 2 != 0) {
      throw new TarFormatException("an odd GNU.sparse.map in the header at offset " + offset);
    }
    long[] pairs = new long[parts.length];
    for (int i = 0; i < parts.length; i++) pairs[i] = paxNumber(parts[i], "GNU.sparse.map", offset);
    return pairs;
  }

  /** GNU sparse 1.0: decimal numbers, one per line, at the start of the data, block-padded. */
  private long[] readSparseMap1x0(long offset, String name) throws IOException {
    long[] numbers = null;
    int count = -1;
    int have = 0;
    long value = 0;
    boolean inNumber = false;
    while (count < 0 || have < numbers.length) {
      if (dataRemaining < BLOCK) {
        throw new TarFormatException("the sparse map of '" + name + "' at " + offset + " is cut");
      }
      if (!fill(BLOCK)) throw truncatedData();
      for (int i = pos; i < pos + BLOCK && (count < 0 || have < numbers.length); i++) {
        byte c = buf[i];
        if (c == '\n') {
          if (!inNumber) {
            throw new TarFormatException("a malformed sparse map of '" + name + "' at " + offset);
          }
          if (count < 0) {
            if (value > 1_000_000) {
              throw new TarFormatException("a sparse map of '" + name + "' is too large");
            }
            count = (int) value;
            numbers = new long[2 * count];
          } else {
            numbers[have++] = value;
          }
          value = 0;
          inNumber = false;
        } else if (c >= '0' && c <= '9') {
          value = value * 10 + (c - '0');
          inNumber = true;
        } else {
          throw new TarFormatException("a malformed sparse map of '" + name + "' at " + offset);
        }
      }
      pos += BLOCK;
      dataRemaining -= BLOCK;
    }
    return numbers;
  }

  private static void validateSparse(long[] map, long size, long offset) throws TarFormatException {
    long end = 0;
    for (int i = 0; i < map.length; i += 2) {
      long o = map[i];
      long n = map[i + 1];
      if (o < end || n < 0 || o + n > size || o + n < o) {
        throw new TarFormatException("an invalid sparse map in the header at offset " + offset);
      }
      end = o + n;
    }
  }
}
