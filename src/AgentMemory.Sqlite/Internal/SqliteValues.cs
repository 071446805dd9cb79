using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Internal;

/// <summary>Conversions between .NET values and their stored form.</summary>
internal static class SqliteValues
{
    public static readonly ReadOnlyDictionary<string, string> EmptyMetadata = new(new Dictionary<string, string>());

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

    /// <summary>Metadata as a JSON object of strings (written without reflection, so trimming-safe).</summary>
    public static object MetadataToDb(IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.Count == 0)
        {
            return DBNull.Value;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in metadata)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyDictionary<string, string> ReadMetadata(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return EmptyMetadata;
        }

        using var doc = JsonDocument.Parse(reader.GetString(ordinal));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            result[p.Name] = p.Value.GetString() ?? string.Empty;
        }

        return result.AsReadOnly();
    }

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
