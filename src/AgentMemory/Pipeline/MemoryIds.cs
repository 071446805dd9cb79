using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AgentMemory.Pipeline;

/// <summary>Deterministic memory ids, so a retried formation job re-creates the same ids and never duplicates.</summary>
internal static class MemoryIds
{
    /// <summary>The id of the <paramref name="index"/>-th candidate of job <paramref name="jobId"/> (an RFC 9562 version 8 UUID).</summary>
    public static Guid ForCandidate(Guid jobId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        jobId.TryWriteBytes(input[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(input[16..], index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
