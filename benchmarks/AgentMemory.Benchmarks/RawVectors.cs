using System.Runtime.InteropServices;

namespace AgentMemory.Benchmarks;

/// <summary>Raw little-endian float32 rows, no header (the format other engines' harnesses read too).</summary>
internal static class RawVectors
{
    public static float[] Read(string path, int dimension, out int rows)
    {
        var length = new FileInfo(path).Length;
        if (length % (4L * dimension) != 0)
        {
            throw new InvalidDataException($"{path}: {length} bytes is not a whole number of {dimension}-float rows.");
        }

        rows = checked((int)(length / (4L * dimension)));
        var data = new float[(long)rows * dimension];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Raw vector files are little-endian.");
        }

        return data;
    }

    public static void Write(Stream stream, ReadOnlySpan<float> rows) => stream.Write(MemoryMarshal.AsBytes(rows));
}
