using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AgentMemory.Sqlite.Internal;

/// <summary>Conversions between .NET values and their stored form.</summary>
internal static class SqliteValues
{
    /// <summary>A GUID as 16 big-endian bytes, so byte order sorts like <see cref="Guid.CompareTo(Guid)"/>.</summary>
    public static byte[] ToBlob(Guid id) => id.ToByteArray(bigEndian: true);

    /// <summary>Writes <paramref name="id"/> into 16 bytes of <paramref name="destination"/> in the same encoding as <see cref="ToBlob"/>.</summary>
    public static void WriteGuid(Guid id, Span<byte> destination) => id.TryWriteBytes(destination, bigEndian: true, out _);

    public static Guid ReadGuid(SqliteDataReader reader, int ordinal)
    {
        Span<byte> buffer = stackalloc byte[16];
        var stream = reader.GetStream(ordinal);
        stream.ReadExactly(buffer);
        stream.Dispose();
        return new Guid(buffer, bigEndian: true);
    }

    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static object ToDb(string? value) => value is null ? DBNull.Value : value;

    public static DateTimeOffset ReadTime(SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? ReadNullableTime(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static string? ReadNullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A vector's bytes as stored (little-endian float32): the vector's own memory on little-endian machines, else a copy.</summary>
    public static ReadOnlySpan<byte> VectorBytes(ReadOnlySpan<float> vector)
        => BitConverter.IsLittleEndian ? MemoryMarshal.AsBytes(vector) : VectorToBlob(vector);

    /// <summary>A vector as little-endian float32 bytes.</summary>
    public static byte[] VectorToBlob(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < vector.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
            }
        }

        return bytes;
    }

    public static float[] BlobToVector(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            bytes.AsSpan(0, vector.Length * sizeof(float)).CopyTo(MemoryMarshal.AsBytes(vector.AsSpan()));
        }
        else
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }
        }

        return vector;
    }

    /// <summary>Metadata as a JSON object of strings (<see cref="MetadataJson"/>), or NULL when empty.</summary>
    public static object MetadataToDb(IReadOnlyDictionary<string, string> metadata) => (object?)MetadataJson.Write(metadata) ?? DBNull.Value;

    public static IReadOnlyDictionary<string, string> ReadMetadata(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? MemoryRecord.EmptyMetadata : MetadataJson.Read(reader.GetString(ordinal));

    public static byte[] IdsToBlob(IReadOnlyList<Guid> ids)
    {
        var bytes = new byte[ids.Count * 16];
        for (var i = 0; i < ids.Count; i++)
        {
            ids[i].TryWriteBytes(bytes.AsSpan(i * 16, 16), bigEndian: true, out _);
        }

        return bytes;
    }

    public static Guid[] BlobToIds(byte[] bytes)
    {
        var ids = new Guid[bytes.Length / 16];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new Guid(bytes.AsSpan(i * 16, 16), bigEndian: true);
        }

        return ids;
    }
}
