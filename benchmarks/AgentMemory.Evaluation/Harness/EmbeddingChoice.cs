using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// The one place where <c>--embeddings</c> becomes a change to the memory's builder. <c>onnx</c> (the default) is the
/// recommended offline setup: the in-process all-MiniLM-L6-v2 of the <c>AgentMemory.Onnx</c> package
/// (<c>UseLocalEmbeddings()</c>). <c>hashing</c> keeps what <c>AddAgentMemory</c> registers (the offline feature-hashing
/// generator: lexical evidence only, no paraphrases).
/// </summary>
internal static class EmbeddingChoice
{
    public const string Hashing = "hashing";
    public const string Onnx = "onnx";

    /// <summary>Resolves <paramref name="name"/> to a builder step, or explains why it cannot be used.</summary>
    public static bool TryResolve(string name, out Func<AgentMemoryBuilder, AgentMemoryBuilder> configure, out string? error)
    {
        switch (name)
        {
            case Hashing:
                configure = static builder => builder;
                error = null;
                return true;
            case Onnx:
                configure = static builder => builder.UseLocalEmbeddings();
                error = null;
                return true;
            default:
                configure = Unavailable;
                error = $"unknown --embeddings '{name}' (expected {Hashing} or {Onnx}).";
                return false;
        }
    }

    private static AgentMemoryBuilder Unavailable(AgentMemoryBuilder builder) => throw new InvalidOperationException("This embedding choice is not available.");
}
