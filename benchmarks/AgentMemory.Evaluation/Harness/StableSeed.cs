using System.Security.Cryptography;
using System.Text;

namespace AgentMemory.Evaluation.Harness;

/// <summary>A seed or ordering key derived from text that is the same in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableSeed
{
    public static int Of(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    public static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
