using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AgentMemory.Storage;

/// <summary>
/// A listing position for keyset paging: the sort timestamp and id of the last memory returned. Its text form (base64url)
/// also carries the order and a fingerprint of the scope and scope match, so a cursor from another listing is rejected
/// instead of silently starting somewhere else. Every store applies it in its own query (see <see cref="IsAfter"/>).
/// </summary>
/// <param name="At">The last memory's timestamp under the order (UTC ticks precision as stored).</param>
/// <param name="Id">The last memory's id (the tie-break; ordered as <see cref="Guid.CompareTo(Guid)"/>, which equals the big-endian byte order).</param>
internal readonly record struct MemoryCursor(DateTimeOffset At, Guid Id)
{
    private const byte FormatVersion = 1;
    private const int FingerprintLength = 8;
    private const int Length = 2 + FingerprintLength + sizeof(long) + 16;

    /// <summary>Whether the order lists newest first.</summary>
    public static bool IsDescending(MemoryListOrder order) => order is MemoryListOrder.CreatedDescending or MemoryListOrder.UpdatedDescending;

    /// <summary>Whether the order sorts by <see cref="MemoryRecord.UpdatedAt"/> (else <see cref="MemoryRecord.CreatedAt"/>).</summary>
    public static bool ByUpdate(MemoryListOrder order) => order is MemoryListOrder.UpdatedAscending or MemoryListOrder.UpdatedDescending;

    /// <summary>The timestamp <paramref name="record"/> is sorted by.</summary>
    public static DateTimeOffset KeyOf(MemoryRecord record, MemoryListOrder order) => ByUpdate(order) ? record.UpdatedAt : record.CreatedAt;

    /// <summary>Compares two records in listing order.</summary>
    public static int Compare(MemoryRecord a, MemoryRecord b, MemoryListOrder order)
    {
        var c = KeyOf(a, order).CompareTo(KeyOf(b, order));
        c = c != 0 ? c : a.Id.CompareTo(b.Id);
        return IsDescending(order) ? -c : c;
    }

    /// <summary>Whether <paramref name="record"/> comes after this position in listing order.</summary>
    public bool IsAfter(MemoryRecord record, MemoryListOrder order)
    {
        var c = KeyOf(record, order).CompareTo(At);
        c = c != 0 ? c : record.Id.CompareTo(Id);
        return IsDescending(order) ? c < 0 : c > 0;
    }

    /// <summary>Checks the order and limit of <paramref name="options"/> and reads its cursor, if any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The order is unknown or the limit is not positive.</exception>
    /// <exception cref="ArgumentException">The cursor is malformed or belongs to another listing.</exception>
    public static MemoryCursor? Read(MemoryScope scope, MemoryListOptions options)
    {
        if (!Enum.IsDefined(options.Order))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Order, "Unknown listing order.");
        }

        if (options.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, nameof(options));
        }

        if (options.Cursor is not { } text)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!TryDecode(text, bytes, out var written) || written != Length || bytes[0] != FormatVersion)
        {
            throw new ArgumentException("The listing cursor is malformed; pass a MemoryPage.NextCursor unchanged.", nameof(options));
        }

        Span<byte> expected = stackalloc byte[FingerprintLength];
        Fingerprint(scope, options.Match, expected);
        if (bytes[1] != (byte)options.Order || !bytes.Slice(2, FingerprintLength).SequenceEqual(expected))
        {
            throw new ArgumentException("The listing cursor belongs to another listing (a different scope, scope match or order).", nameof(options));
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(2 + FingerprintLength));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException("The listing cursor is malformed; pass a MemoryPage.NextCursor unchanged.", nameof(options));
        }

        var id = new Guid(bytes.Slice(2 + FingerprintLength + sizeof(long), 16), bigEndian: true);
        return new MemoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    /// <summary>The cursor that continues a listing after <paramref name="last"/>.</summary>
    public static string Write(MemoryScope scope, MemoryListOptions options, MemoryRecord last)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)options.Order;
        Fingerprint(scope, options.Match, bytes.Slice(2, FingerprintLength));
        BinaryPrimitives.WriteInt64BigEndian(bytes.Slice(2 + FingerprintLength), KeyOf(last, options.Order).UtcTicks);
        last.Id.TryWriteBytes(bytes.Slice(2 + FingerprintLength + sizeof(long)), bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static void Fingerprint(MemoryScope scope, ScopeMatch match, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope.Key + "\n" + (int)match), hash);
        hash[..destination.Length].CopyTo(destination);
    }

    private static bool TryDecode(string text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length is 0 or > 64)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.TryFromBase64String(padded, destination, out written);
    }
}
